package dev.numgen.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.testing.Await;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RuleRegistry} promises: a registration is checked and written all or nothing, versions count up
 * from 1, an unchanged rule is not written again, every field of a rule comes back as it went in, and every node
 * hears of each new version. The in-memory fake and the cluster's registry both extend it.
 */
public abstract class RuleRegistryContract {

    private static final AtomicInteger KEYS = new AtomicInteger();
    private static final Instant AT = Instant.parse("2026-11-25T10:00:00.123Z");
    private static final RuleRegistry.ChangeCheck ANY_CHANGE = (current, proposed) -> {};

    /**
     * Registries over one store, each standing for a node; a test may register on one and read on another. Each call
     * may give new registries (as a node that has just started would have) over the same store.
     */
    protected abstract List<RuleRegistry> registries();

    private static PrefixKey newKey() {
        return new PrefixKey("RULE" + KEYS.incrementAndGet());
    }

    private static PrefixRule rule(PrefixKey key, int reserveSize) {
        return TestRules.segment(key.value(), 1, 1, 999_999, reserveSize);
    }

    @Test
    void aRuleNeverRegisteredIsNotFoundAndHasNoHistory() {
        RuleRegistry registry = registries().get(0);
        PrefixKey key = newKey();
        assertThat(registry.find(key)).isEmpty();
        assertThat(registry.history(key)).isEmpty();
        assertThat(registry.list()).extracting(RegisteredRule::key).doesNotContain(key);
    }

    @Test
    void aFirstRegistrationCreatesVersionOneThatEveryNodeFinds() {
        List<RuleRegistry> registries = registries();
        PrefixKey key = newKey();
        Registration created = registries.get(0).register(rule(key, 10), OptionalLong.empty(), "alice", AT, ANY_CHANGE);

        RegisteredRule expected = new RegisteredRule(rule(key, 10), 1, "alice", AT);
        assertThat(created).isEqualTo(new Registration(expected, Registration.Outcome.CREATED));
        for (RuleRegistry registry : registries) {
            assertThat(registry.find(key)).contains(expected);
            assertThat(registry.history(key)).containsExactly(new RuleChange(key, 0, 1, "alice", AT));
        }
    }

    @Test
    void anIdenticalRegistrationWritesNothingAndRunsNoCheck() {
        RuleRegistry registry = registries().get(0);
        PrefixKey key = newKey();
        registry.register(rule(key, 10), OptionalLong.empty(), "alice", AT, ANY_CHANGE);

        Registration again =
                registry.register(rule(key, 10), OptionalLong.of(1), "bob", AT.plusSeconds(60), (current, proposed) -> {
                    throw new AssertionError("an unchanged rule needs no check");
                });

        assertThat(again)
                .isEqualTo(new Registration(
                        new RegisteredRule(rule(key, 10), 1, "alice", AT), Registration.Outcome.UNCHANGED));
        assertThat(registry.history(key)).hasSize(1);
    }

    @Test
    void aChangedRegistrationIsCheckedAgainstTheStoredRuleAndBumpsTheVersion() {
        List<RuleRegistry> registries = registries();
        PrefixKey key = newKey();
        registries.get(0).register(rule(key, 10), OptionalLong.empty(), "alice", AT, ANY_CHANGE);
        AtomicReference<Optional<RegisteredRule>> checked = new AtomicReference<>();
        Instant later = AT.plusSeconds(60);

        Registration changed = registries
                .get(1)
                .register(rule(key, 20), OptionalLong.of(1), "bob", later, (current, proposed) -> checked.set(current));

        assertThat(checked.get()).contains(new RegisteredRule(rule(key, 10), 1, "alice", AT));
        assertThat(changed)
                .isEqualTo(new Registration(
                        new RegisteredRule(rule(key, 20), 2, "bob", later), Registration.Outcome.UPDATED));
        assertThat(registries.get(0).find(key)).contains(changed.rule());
        assertThat(registries.get(0).history(key))
                .containsExactly(new RuleChange(key, 0, 1, "alice", AT), new RuleChange(key, 1, 2, "bob", later));
    }

    @Test
    void aStaleExpectedVersionIsRefusedAndChangesNothing() {
        RuleRegistry registry = registries().get(0);
        PrefixKey key = newKey();
        assertThatThrownBy(() -> registry.register(rule(key, 10), OptionalLong.of(1), "alice", AT, ANY_CHANGE))
                .isInstanceOf(RuleVersionConflictException.class);
        assertThat(registry.find(key)).isEmpty();

        // Version 0 is the version of a rule not registered yet.
        registry.register(rule(key, 10), OptionalLong.of(0), "alice", AT, ANY_CHANGE);
        assertThatThrownBy(() -> registry.register(rule(key, 20), OptionalLong.of(7), "bob", AT, ANY_CHANGE))
                .isInstanceOf(RuleVersionConflictException.class);
        assertThat(registry.find(key).orElseThrow().rule()).isEqualTo(rule(key, 10));
        assertThat(registry.history(key)).hasSize(1);
    }

    @Test
    void aRefusingCheckChangesNothingAndItsExceptionReachesTheCaller() {
        RuleRegistry registry = registries().get(0);
        PrefixKey key = newKey();
        AtomicReference<Optional<RegisteredRule>> checked = new AtomicReference<>();
        assertThatThrownBy(() ->
                        registry.register(rule(key, 10), OptionalLong.empty(), "alice", AT, (current, proposed) -> {
                            checked.set(current);
                            throw new UnsafeRuleChangeException("maxValue", "refused (test)");
                        }))
                .isInstanceOfSatisfying(
                        UnsafeRuleChangeException.class,
                        e -> assertThat(e.field()).isEqualTo("maxValue"));
        assertThat(checked.get()).isEmpty();
        assertThat(registry.find(key)).isEmpty();
        assertThat(registry.history(key)).isEmpty();
    }

    @Test
    void everyFieldOfARuleComesBackAsItWentIn() {
        List<RuleRegistry> registries = registries();
        PrefixKey key = newKey();
        PrefixRule rule = TestRules.validated(
                key,
                RuleDefinitions.rule("INV-{yyyy}-{var:region}{var:desk}-{seq:5}")
                        .strategy("GAPLESS")
                        .reset("YEARLY")
                        .start(7L)
                        .step(3L)
                        .maxValue(99_999L)
                        .reserveSize(50)
                        .timeZone("Europe/Berlin")
                        .variables(Map.of(
                                "region", new VariableSpec("[A-Z]{2}", true, 2),
                                "desk", new VariableSpec("[0-9]+", false, 4)))
                        .description("Invoices")
                        .concurrency("OPTIMISTIC")
                        .quota(120)
                        .build());
        registries.get(0).register(rule, OptionalLong.empty(), "alice", AT, ANY_CHANGE);
        assertThat(registries.get(1).find(key).orElseThrow().rule()).isEqualTo(rule);
        assertThat(registries.get(1).list()).extracting(RegisteredRule::rule).contains(rule);
    }

    /** Change times are kept to the millisecond (the cluster stores epoch milliseconds). */
    @Test
    void changeTimesAreKeptToTheMillisecond() {
        RuleRegistry registry = registries().get(0);
        PrefixKey key = newKey();
        Instant precise = AT.plusNanos(456_789);
        registry.register(rule(key, 10), OptionalLong.empty(), "alice", precise, ANY_CHANGE);
        Instant kept = precise.truncatedTo(ChronoUnit.MILLIS);
        assertThat(registry.find(key).orElseThrow().changedAt()).isEqualTo(kept);
        assertThat(registry.history(key)).extracting(RuleChange::changedAt).containsExactly(kept);
    }

    @Test
    void listHoldsEveryRuleSortedByKey() {
        RuleRegistry registry = registries().get(0);
        PrefixKey second = new PrefixKey("LIST" + KEYS.incrementAndGet() + "B");
        PrefixKey first = new PrefixKey(second.value().replace('B', 'A'));
        registry.register(rule(second, 10), OptionalLong.empty(), "alice", AT, ANY_CHANGE);
        registry.register(rule(first, 10), OptionalLong.empty(), "alice", AT, ANY_CHANGE);

        List<PrefixKey> keys =
                registries().get(1).list().stream().map(RegisteredRule::key).toList();
        assertThat(keys).containsSubsequence(first, second);
        assertThat(keys.stream().map(PrefixKey::value).toList()).isSorted();
    }

    /** A node hears of each new version, in order, once it has used its registry. */
    @Test
    void everyNodeHearsOfEachNewVersionInOrder() throws InterruptedException {
        List<RuleRegistry> registries = registries();
        PrefixKey key = newKey();
        List<RegisteredRule> heard = new CopyOnWriteArrayList<>();
        RuleRegistry listening = registries.get(1);
        listening.onChange(rule -> {
            if (rule.key().equals(key)) {
                heard.add(rule);
            }
        });
        listening.find(key);

        RuleRegistry writing = registries.get(0);
        writing.register(rule(key, 10), OptionalLong.empty(), "alice", AT, ANY_CHANGE);
        writing.register(rule(key, 10), OptionalLong.empty(), "alice", AT, ANY_CHANGE); // unchanged: nothing to hear
        writing.register(rule(key, 20), OptionalLong.empty(), "bob", AT, ANY_CHANGE);

        Await.until("two changes heard", () -> List.copyOf(heard), changes -> changes.size() >= 2);
        assertThat(heard).extracting(RegisteredRule::version).containsExactly(1L, 2L);
        assertThat(heard.get(1).rule()).isEqualTo(rule(key, 20));
    }

    @Test
    void ofConcurrentChangesFromTheSameVersionExactlyOneIsWritten() throws Exception {
        List<RuleRegistry> registries = registries();
        PrefixKey key = newKey();
        registries.get(0).register(rule(key, 10), OptionalLong.empty(), "alice", AT, ANY_CHANGE);
        int writers = 8;
        AtomicInteger conflicts = new AtomicInteger();
        List<Registration> written = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                RuleRegistry registry = registries.get(writer % registries.size());
                int reserveSize = 100 + writer;
                work.add(pool.submit(() -> {
                    try {
                        written.add(registry.register(
                                rule(key, reserveSize), OptionalLong.of(1), "writer", AT, ANY_CHANGE));
                    } catch (RuleVersionConflictException e) {
                        conflicts.incrementAndGet();
                    }
                }));
            }
            for (Future<?> future : work) {
                Await.result("a concurrent caller", future);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(written).hasSize(1);
        assertThat(conflicts).hasValue(writers - 1);
        assertThat(registries.get(1).find(key)).contains(written.get(0).rule());
        assertThat(registries.get(1).history(key)).hasSize(2);
    }
}
