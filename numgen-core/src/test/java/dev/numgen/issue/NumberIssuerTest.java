package dev.numgen.issue;

import static dev.numgen.rule.RuleDefinitions.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.numgen.provisional.InMemoryProvisionalJournal;
import dev.numgen.rule.InMemoryRuleRegistry;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.RuleDefinition;
import dev.numgen.rule.RuleRegistrar;
import dev.numgen.rule.RuleValidator;
import dev.numgen.rule.Strategy;
import dev.numgen.rule.UnknownPrefixException;
import dev.numgen.rule.VariableSpec;
import dev.numgen.sequence.Counter;
import dev.numgen.sequence.CounterKey;
import dev.numgen.sequence.GaplessCounter;
import dev.numgen.sequence.InMemoryGaplessStore;
import dev.numgen.sequence.SequenceStrategy;
import dev.numgen.testing.HandClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NumberIssuerTest {

    /** Counts from each rule's start... here simply from 1 per counter key. */
    private static final class CountingSequence implements SequenceStrategy {
        final Map<CounterKey, AtomicLong> counters = new ConcurrentHashMap<>();

        @Override
        public Counter counter(CounterKey key) {
            AtomicLong counter = counters.computeIfAbsent(key, k -> new AtomicLong());
            return counter::incrementAndGet;
        }
    }

    private final InMemoryRuleRegistry registry = new InMemoryRuleRegistry();
    private final CountingSequence sequence = new CountingSequence();
    private final HandClock clock = new HandClock(Instant.parse("2026-11-25T22:30:00Z"));
    private final NumberIssuer issuer = new NumberIssuer(
            registry,
            Map.of(
                    Strategy.SEGMENT,
                    sequence,
                    Strategy.GAPLESS,
                    new GaplessCounter(new InMemoryGaplessStore(registry))),
            new InMemoryIssuanceRegister(),
            clock,
            () -> true,
            new ProvisionalIssuer(new InMemoryProvisionalJournal(), "test"));
    private final RuleRegistrar registrar =
            new RuleRegistrar(registry, key -> OptionalLong.empty(), new RuleValidator(), clock);

    private void register(String key, RuleDefinition definition) {
        registrar.register(new PrefixKey(key), definition, OptionalLong.empty(), "test");
    }

    @Test
    void issueRendersDatePartsInTheRulesZone() {
        register(
                "ORDER",
                rule("ORD-{yyyy}{MM}{dd}-{seq:6}").timeZone("Europe/Berlin").build());
        IssuedNumbers issued = issuer.issue("ORDER", 3, Map.of());
        assertThat(issued.numbers())
                .containsExactly("ORD-20261125-000001", "ORD-20261125-000002", "ORD-20261125-000003");
        assertThat(issued.mode()).isEqualTo(IssueMode.NORMAL);
        clock.set(Instant.parse("2026-11-25T23:30:00Z")); // already the 26th in Berlin
        assertThat(issuer.issue("ORDER", 1, Map.of()).numbers()).containsExactly("ORD-20261126-000004");
    }

    @Test
    void issueRejectsUnregisteredPrefix() {
        assertThatThrownBy(() -> issuer.issue("NOPE", 1, Map.of()))
                .isInstanceOfSatisfying(
                        UnknownPrefixException.class,
                        e -> assertThat(e.prefixKey()).isEqualTo("NOPE"));
    }

    @Test
    void issueRejectsCountOutsideOneToThousand() {
        register("T", rule("T{seq}").build());
        for (int count : new int[] {0, -1, 1001}) {
            assertThatThrownBy(() -> issuer.issue("T", count, Map.of()))
                    .isInstanceOfSatisfying(
                            InvalidIssueRequestException.class,
                            e -> assertThat(e.parameter()).isEqualTo("count"));
        }
        assertThat(issuer.issue("T", 1000, Map.of()).numbers()).hasSize(1000).doesNotHaveDuplicates();
    }

    @Test
    void dailyResetStartsANewCounterEachDay() {
        register(
                "D",
                rule("D-{yyyy}{MM}{dd}-{seq:4}").reset("DAILY").timeZone("UTC").build());
        assertThat(issuer.issue("D", 2, Map.of()).numbers()).containsExactly("D-20261125-0001", "D-20261125-0002");
        clock.set(Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(issuer.issue("D", 1, Map.of()).numbers()).containsExactly("D-20261126-0001");
    }

    @Test
    void variablesAreCheckedAndEachValueHasItsOwnCounter() {
        Map<String, VariableSpec> region = Map.of("region", new VariableSpec("[A-Z]{2}", true, 2));
        register("R", rule("R-{var:region}-{seq:3}").variables(region).build());
        assertThat(issuer.issue("R", 1, Map.of("region", "EU")).numbers()).containsExactly("R-EU-001");
        assertThat(issuer.issue("R", 1, Map.of("region", "US")).numbers()).containsExactly("R-US-001");
        assertThat(issuer.issue("R", 1, Map.of("region", "EU")).numbers()).containsExactly("R-EU-002");
        assertVariableRejected("R", Map.of(), "region");
        assertVariableRejected("R", Map.of("region", "eu"), "region");
        assertVariableRejected("R", Map.of("region", "EU", "colour", "red"), "colour");
    }

    @Test
    void aRuleChangeIsUsedForTheNextNumber() {
        register("C", rule("A-{seq}").build());
        assertThat(issuer.issue("C", 1, Map.of()).numbers()).containsExactly("A-1");
        register("C", rule("B-{seq}").build());
        assertThat(issuer.issue("C", 1, Map.of()).numbers()).containsExactly("B-2");
    }

    private void assertVariableRejected(String key, Map<String, String> variables, String parameter) {
        assertThatThrownBy(() -> issuer.issue(key, 1, variables))
                .isInstanceOfSatisfying(
                        InvalidIssueRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo(parameter));
    }

    @Test
    void yearlyResetStartsAgainAtTheLocalNewYear() {
        clock.set(Instant.parse("2026-12-31T22:59:59Z"));
        register(
                "INV",
                rule("INV-{yyyy}-{seq:5}")
                        .reset("YEARLY")
                        .timeZone("Europe/Berlin")
                        .build());
        assertThat(issuer.issue("INV", 2, Map.of()).numbers()).containsExactly("INV-2026-00001", "INV-2026-00002");
        clock.set(Instant.parse("2026-12-31T23:00:00Z"));
        assertThat(issuer.issue("INV", 1, Map.of()).numbers()).containsExactly("INV-2027-00001");
    }

    @Test
    void monthlyResetStartsAgainAtTheMonthEnd() {
        clock.set(Instant.parse("2026-02-28T23:59:59Z"));
        register(
                "M",
                rule("M-{yyyy}{MM}-{seq:3}").reset("MONTHLY").timeZone("UTC").build());
        assertThat(issuer.issue("M", 1, Map.of()).numbers()).containsExactly("M-202602-001");
        clock.set(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(issuer.issue("M", 1, Map.of()).numbers()).containsExactly("M-202603-001");
    }

    /**
     * Patterns that backtrack catastrophically in a backtracking engine, against 60 {@code a} and a character they cannot
     * match. Java 9+ memoizes simple greedy group loops such as {@code (a+)+}, so the list also holds nested and
     * counted loops, which it does not. The deadline is generous: it only turns a hang into a failure.
     */
    @Test
    void backtrackingPatternsAnswerARefusalQuickly() {
        List<String> patterns =
                List.of("(a+)+", "(a|a)*", "(a|aa)+", "(\\w+\\w?)*", "^(a+)+$", "((a+)+)+", "(a+){1,40}", "(.*a){12}");
        String value = "a".repeat(60) + "-";
        for (int i = 0; i < patterns.size(); i++) {
            Map<String, VariableSpec> code = Map.of("code", new VariableSpec(patterns.get(i), true, 62));
            register("EVIL" + i, rule("{var:code}-{seq:1}").variables(code).build());
        }
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < patterns.size(); i++) {
                assertVariableRejected("EVIL" + i, Map.of("code", value), "code");
                assertThat(issuer.issue("EVIL" + i, 1, Map.of("code", "a".repeat(12)))
                                .numbers())
                        .containsExactly("a".repeat(12) + "-1");
            }
        });
    }
}
