package dev.numgen.issue;

import static dev.numgen.rule.RuleDefinitions.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.provisional.InMemoryProvisionalJournal;
import dev.numgen.provisional.ProvisionalNumber;
import dev.numgen.provisional.ProvisionalSlot;
import dev.numgen.rule.InMemoryRuleRegistry;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.RuleRegistrar;
import dev.numgen.rule.RuleValidator;
import dev.numgen.rule.Strategy;
import dev.numgen.rule.VariableSpec;
import dev.numgen.sequence.Counter;
import dev.numgen.sequence.CounterKey;
import dev.numgen.sequence.GaplessCounter;
import dev.numgen.sequence.GaplessStore;
import dev.numgen.sequence.InMemoryGaplessStore;
import dev.numgen.sequence.SequenceStrategy;
import dev.numgen.sequence.SequenceUnavailableException;
import dev.numgen.testing.HandClock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What a node issues when it may not use the shared counters (G1, G5 in docs/guarantees.md). */
class ProvisionalIssueTest {

    /** One counter for everything, which can be made unreachable like a cluster store. */
    static final class FlakySequence implements SequenceStrategy {
        final AtomicLong last = new AtomicLong();
        final AtomicBoolean reachable = new AtomicBoolean(true);

        @Override
        public Counter counter(CounterKey key) {
            return () -> {
                if (!reachable.get()) {
                    throw new SequenceUnavailableException(key, "store unreachable (test)", null);
                }
                return last.incrementAndGet();
            };
        }
    }

    private final InMemoryRuleRegistry registry = new InMemoryRuleRegistry();
    private final HandClock clock = new HandClock(Instant.parse("2026-11-25T22:30:00Z"));
    private final FlakySequence sequence = new FlakySequence();
    private final AtomicBoolean majority = new AtomicBoolean(true);
    private final InMemoryProvisionalJournal journal = new InMemoryProvisionalJournal();
    /** A GAPLESS store that is unreachable when the sequence is. */
    private GaplessStore reachableWithTheSequence(GaplessStore store) {
        return (key, claims, next) -> {
            if (!sequence.reachable.get()) {
                throw new SequenceUnavailableException(key, "store unreachable (test)", null);
            }
            store.take(key, claims, next);
        };
    }

    private final NumberIssuer issuer = new NumberIssuer(
            registry,
            Map.of(
                    Strategy.SEGMENT,
                    sequence,
                    Strategy.GAPLESS,
                    new GaplessCounter(reachableWithTheSequence(new InMemoryGaplessStore(registry))),
                    Strategy.SNOWFLAKE,
                    sequence),
            new InMemoryIssuanceRegister(),
            clock,
            majority::get,
            new ProvisionalIssuer(journal, "node-3"));

    ProvisionalIssueTest() {
        RuleRegistrar registrar = new RuleRegistrar(registry, key -> OptionalLong.empty(), new RuleValidator(), clock);
        registrar.register(
                new PrefixKey("ORDER"), rule("ORD-{yyyy}{MM}{dd}-{seq:6}").build(), none(), "t");
        registrar.register(
                new PrefixKey("INVOICE"),
                rule("INV-{yyyy}-{seq:5}").strategy("GAPLESS").build(),
                none(),
                "t");
        registrar.register(
                new PrefixKey("EVENT"), rule("E{seq}").strategy("SNOWFLAKE").build(), none(), "t");
        registrar.register(
                new PrefixKey("REGION"),
                rule("{var:region}{seq:4}{var:tail}")
                        .variables(Map.of(
                                "region", new VariableSpec(".*", false, 16),
                                "tail", new VariableSpec(".*", false, 16)))
                        .build(),
                none(),
                "t");
    }

    private static OptionalLong none() {
        return OptionalLong.empty();
    }

    @Test
    void minorityNodeIssuesOnlyProvisionalSegmentNumbersAndJournalsEachBeforeReturning() {
        majority.set(false);
        IssuedNumbers issued = issuer.issue("ORDER", 3, Map.of());

        assertThat(issued.mode()).isEqualTo(IssueMode.PROVISIONAL);
        assertThat(issued.numbers())
                .hasSize(3)
                .allSatisfy(number ->
                        assertThat(number).startsWith("ORD-20261125-~node-3.").endsWith("~"));
        assertThat(journal.all()).extracting(ProvisionalNumber::number).containsExactlyElementsOf(issued.numbers());
        assertThat(sequence.last).hasValue(0); // the shared counter was never touched
    }

    @Test
    void minorityNodeRefusesGaplessAndSnowflake() {
        majority.set(false);
        assertThatThrownBy(() -> issuer.issue("INVOICE", 1, Map.of())).isInstanceOf(NoMajorityException.class);
        assertThatThrownBy(() -> issuer.issue("EVENT", 1, Map.of())).isInstanceOf(NoMajorityException.class);
        assertThat(journal.all()).isEmpty();
        assertThat(sequence.last).hasValue(0);
    }

    @Test
    void unreachableStoreWithSpentRangeFallsBackForSegmentOnlyAndRecoversAfterwards() {
        assertThat(issuer.issue("ORDER", 1, Map.of()).mode()).isEqualTo(IssueMode.NORMAL);
        sequence.reachable.set(false);
        assertThat(issuer.issue("ORDER", 2, Map.of()).mode()).isEqualTo(IssueMode.PROVISIONAL);
        assertThatThrownBy(() -> issuer.issue("INVOICE", 1, Map.of())).isInstanceOf(SequenceUnavailableException.class);
        sequence.reachable.set(true);
        assertThat(issuer.issue("ORDER", 1, Map.of()).numbers()).containsExactly("ORD-20261125-000002");
    }

    @Test
    void aRegularOnlyIssuerFailsWhereAServerWouldIssueProvisionalNumbers() {
        NumberIssuer regularOnly = NumberIssuer.regularOnly(
                registry, Map.of(Strategy.SEGMENT, sequence), new InMemoryIssuanceRegister(), clock, majority::get);
        assertThat(regularOnly.issue("ORDER", 1, Map.of()).mode()).isEqualTo(IssueMode.NORMAL);

        sequence.reachable.set(false);
        assertThatThrownBy(() -> regularOnly.issue("ORDER", 1, Map.of()))
                .isInstanceOf(SequenceUnavailableException.class);
        sequence.reachable.set(true);
        majority.set(false);
        assertThatThrownBy(() -> regularOnly.issue("ORDER", 1, Map.of()))
                .isInstanceOf(NoMajorityException.class)
                .hasMessageContaining("issues no provisional numbers");
        assertThat(sequence.last).hasValue(1);
        assertThat(journal.all()).isEmpty();
    }

    @Test
    void provisionalValuesKeepIncreasingWhenTheClockStepsBackOrTheNodeRestarts() {
        majority.set(false);
        List<String> first = issuer.issue("ORDER", 5, Map.of()).numbers();
        clock.set(Instant.parse("2026-11-25T22:00:00Z")); // half an hour back
        List<String> second = issuer.issue("ORDER", 5, Map.of()).numbers();
        // A restarted node reads where its journal ended.
        NumberIssuer restarted = new NumberIssuer(
                registry,
                Map.of(Strategy.SEGMENT, sequence),
                new InMemoryIssuanceRegister(),
                clock,
                majority::get,
                new ProvisionalIssuer(journal, "node-3"));
        List<String> third = restarted.issue("ORDER", 5, Map.of()).numbers();

        long[] values =
                journal.all().stream().mapToLong(ProvisionalNumber::value).toArray();
        for (int i = 1; i < values.length; i++) {
            assertThat(values[i]).isGreaterThan(values[i - 1]);
        }
        Set<String> all = new HashSet<>(first);
        all.addAll(second);
        all.addAll(third);
        assertThat(all).hasSize(15);
    }

    @Test
    void provisionalNumbersNeverEqualRegularOnesEvenWhenVariablesSurroundTheSequence() {
        // Regular numbers: no '~' anywhere; variable values may not bring one in.
        assertThatThrownBy(() -> issuer.issue("REGION", 1, Map.of("region", "EU~")))
                .isInstanceOfSatisfying(
                        InvalidIssueRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo("region"));
        String regular = issuer.issue("REGION", 1, Map.of("region", "EU", "tail", "X"))
                .numbers()
                .get(0);
        assertThat(regular).isEqualTo(String.format("EU%04dX", sequence.last.get()));
        assertThat(ProvisionalSlot.isProvisional(regular)).isFalse();

        majority.set(false);
        // Two '~' bound the slot, so a tail variable cannot make two provisional numbers alike.
        String withTail = issuer.issue("REGION", 1, Map.of("region", "EU", "tail", "A"))
                .numbers()
                .get(0);
        String withoutTail =
                issuer.issue("REGION", 1, Map.of("region", "EU")).numbers().get(0);
        assertThat(withTail).matches("EU~node-3\\.[0-9A-Z]+~A");
        assertThat(withoutTail).matches("EU~node-3\\.[0-9A-Z]+~");
        assertThat(withTail).isNotEqualTo(withoutTail);
    }

    @Test
    void nothingIsIssuedWhenTheJournalCannotBeWritten() {
        majority.set(false);
        journal.failWrites(true);
        assertThatThrownBy(() -> issuer.issue("ORDER", 1, Map.of())).isInstanceOf(ProvisionalJournalException.class);
        journal.failWrites(false);
        String after = issuer.issue("ORDER", 1, Map.of()).numbers().get(0);
        assertThat(journal.all()).extracting(ProvisionalNumber::number).containsExactly(after);
    }

    @Test
    void nodeTagsThatCouldMakeSlotsAlikeAreRefused() {
        for (String bad : new String[] {"", "a.b", "a~b", "x".repeat(33), "a b"}) {
            assertThatThrownBy(() -> new ProvisionalIssuer(journal, bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
