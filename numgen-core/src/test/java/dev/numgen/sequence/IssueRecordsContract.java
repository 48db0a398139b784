package dev.numgen.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.rule.IssuedValues;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.RegisteredRule;
import dev.numgen.rule.RuleDefinitions;
import dev.numgen.rule.RuleRegistrar;
import dev.numgen.rule.RuleRegistry;
import dev.numgen.rule.RuleValidator;
import dev.numgen.rule.Strategy;
import dev.numgen.rule.UnknownPrefixException;
import dev.numgen.rule.UnsafeRuleChangeException;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IssueRecords} promises: once a rule is recorded as issuing under its strategy, a change of that
 * strategy is refused, on any node; a record for a rule that no longer uses the strategy, or for no rule, is refused
 * and records nothing; recording again is harmless; and a record racing a strategy change on another node ends with
 * exactly one of the two accepted. The in-memory fake and the cluster's records both extend it.
 */
public abstract class IssueRecordsContract {

    private static final AtomicInteger RULES = new AtomicInteger();

    /** Records over one store, each standing for a node. */
    protected abstract List<IssueRecords> records();

    /** Where the rules are registered and changed. */
    protected abstract RuleRegistry rules();

    /** What a rule change reads about the records (on another node than the first of {@link #records()}). */
    protected abstract IssuedValues issuedValues();

    private RuleRegistrar registrar() {
        return new RuleRegistrar(rules(), issuedValues(), new RuleValidator(), Clock.systemUTC());
    }

    private PrefixKey registered(Strategy strategy) {
        PrefixKey key = new PrefixKey("ISSUING" + RULES.incrementAndGet());
        change(key, strategy);
        return key;
    }

    private RegisteredRule change(PrefixKey key, Strategy strategy) {
        return change(registrar(), key, strategy);
    }

    private static RegisteredRule change(RuleRegistrar registrar, PrefixKey key, Strategy strategy) {
        return registrar
                .register(
                        key,
                        RuleDefinitions.rule("I-{seq}")
                                .strategy(strategy.name())
                                .build(),
                        OptionalLong.empty(),
                        "t")
                .rule();
    }

    private static CounterKey counterOf(PrefixKey key) {
        return new CounterKey(key.value(), "");
    }

    @Test
    void aRuleWithoutARecordMayChangeItsStrategy() {
        PrefixKey key = registered(Strategy.SNOWFLAKE);
        assertThat(issuedValues().issuedAny(key)).isFalse();
        assertThat(change(key, Strategy.SEGMENT).version()).isEqualTo(2);
    }

    @Test
    void aRecordedRuleKeepsItsStrategyWhateverNodeRecordedIt() {
        for (IssueRecords node : records()) {
            PrefixKey key = registered(Strategy.SNOWFLAKE);
            node.recordIssuing(counterOf(key), Strategy.SNOWFLAKE);
            assertThat(issuedValues().issuedAny(key)).isTrue();
            for (Strategy other : List.of(Strategy.SEGMENT, Strategy.GAPLESS)) {
                assertThatThrownBy(() -> change(key, other))
                        .isInstanceOfSatisfying(
                                UnsafeRuleChangeException.class,
                                e -> assertThat(e.field()).isEqualTo("strategy"));
            }
            RegisteredRule kept = rules().find(key).orElseThrow();
            assertThat(kept.version()).isEqualTo(1);
            assertThat(kept.rule().strategy()).isEqualTo(Strategy.SNOWFLAKE);
        }
    }

    @Test
    void recordingAgainOnAnyNodeIsHarmless() {
        PrefixKey key = registered(Strategy.SNOWFLAKE);
        for (int round = 0; round < 2; round++) {
            for (IssueRecords node : records()) {
                node.recordIssuing(counterOf(key), Strategy.SNOWFLAKE);
            }
        }
        assertThat(issuedValues().issuedAny(key)).isTrue();
        assertThat(issuedValues().highest(key)).isEmpty();
    }

    @Test
    void aRecordForARuleThatNoLongerUsesTheStrategyIsRefusedAndRecordsNothing() {
        PrefixKey key = registered(Strategy.SNOWFLAKE);
        change(key, Strategy.SEGMENT);

        for (IssueRecords node : records()) {
            assertThatThrownBy(() -> node.recordIssuing(counterOf(key), Strategy.SNOWFLAKE))
                    .isInstanceOf(SequenceUnavailableException.class);
        }
        assertThat(issuedValues().issuedAny(key)).isFalse();
        assertThat(change(key, Strategy.SNOWFLAKE).version()).isEqualTo(3);
    }

    @Test
    void aRecordForAPrefixWithoutARuleIsRefused() {
        PrefixKey key = new PrefixKey("NEVER" + RULES.incrementAndGet());
        assertThatThrownBy(() -> records().get(0).recordIssuing(counterOf(key), Strategy.SNOWFLAKE))
                .isInstanceOfSatisfying(
                        UnknownPrefixException.class,
                        e -> assertThat(e.prefixKey()).isEqualTo(key.value()));
        assertThat(issuedValues().issuedAny(key)).isFalse();
    }

    /** The record and the change are ordered: never both accepted (an id out, then another strategy), never neither. */
    @Test
    void aRecordRacingAStrategyChangeOnAnotherNodeEndsWithExactlyOneAccepted() throws Exception {
        IssueRecords first = records().get(0);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            race(first, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private void race(IssueRecords first, ExecutorService pool) throws Exception {
        // One registrar for every round, so neither side has more to set up than the other once the race starts.
        RuleRegistrar registrar = registrar();
        for (int round = 0; round < 30; round++) {
            PrefixKey key = new PrefixKey("ISSUING" + RULES.incrementAndGet());
            change(registrar, key, Strategy.SNOWFLAKE);
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Boolean> recorded = CompletableFuture.supplyAsync(
                    () -> {
                        await(start);
                        try {
                            first.recordIssuing(counterOf(key), Strategy.SNOWFLAKE);
                            return true;
                        } catch (SequenceUnavailableException e) {
                            return false;
                        }
                    },
                    pool);
            CompletableFuture<Boolean> changed = CompletableFuture.supplyAsync(
                    () -> {
                        await(start);
                        try {
                            change(registrar, key, Strategy.SEGMENT);
                            return true;
                        } catch (UnsafeRuleChangeException e) {
                            return false;
                        }
                    },
                    pool);
            start.countDown();
            boolean wasRecorded = recorded.get(30, TimeUnit.SECONDS);
            boolean wasChanged = changed.get(30, TimeUnit.SECONDS);

            assertThat(wasRecorded)
                    .as("round " + round + ": recorded xor changed")
                    .isNotEqualTo(wasChanged);
            assertThat(issuedValues().issuedAny(key)).isEqualTo(wasRecorded);
            assertThat(rules().find(key).orElseThrow().rule().strategy())
                    .isEqualTo(wasRecorded ? Strategy.SNOWFLAKE : Strategy.SEGMENT);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the race never started");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
