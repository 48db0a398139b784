package dev.numgen.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.rule.Concurrency;
import dev.numgen.rule.IssuedValues;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.PrefixRule;
import dev.numgen.rule.RuleDefinition;
import dev.numgen.rule.RuleDefinitions;
import dev.numgen.rule.RuleRegistrar;
import dev.numgen.rule.RuleRegistry;
import dev.numgen.rule.RuleValidator;
import dev.numgen.rule.UnknownPrefixException;
import dev.numgen.rule.UnsafeRuleChangeException;
import dev.numgen.testing.Await;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link GaplessStore} promises: each take sees the rule as registered and the last value of the take
 * before it, on any node, and records the last value it returns, or nothing when it fails; concurrent takes are
 * ordered one after another; the prefix's highest value goes up with them. Each case runs with both of the rule's
 * {@code concurrency} options. The in-memory fake and the cluster's store both extend it.
 */
public abstract class GaplessStoreContract {

    private static final AtomicInteger RULES = new AtomicInteger();

    /** Values that follow {@code last} by the rule's step, whatever maxValue says: the store must not care. */
    private static final GaplessStore.NextValues CONSECUTIVE = (key, rule, last, count) -> {
        long first = last == null ? rule.start() : last + rule.step();
        return LongStream.range(0, count).map(i -> first + i * rule.step()).toArray();
    };

    /** Stores over one store, each standing for a node. */
    protected abstract List<GaplessStore> stores();

    /** Where the stores read rules. */
    protected abstract RuleRegistry rules();

    /** What the same store says about the values it has taken. */
    protected abstract IssuedValues issuedValues();

    private PrefixRule registered(Concurrency concurrency, long start, long step, long maxValue) {
        String key = "GAPLESS" + RULES.incrementAndGet();
        RuleRegistrar registrar = new RuleRegistrar(rules(), issuedValues(), new RuleValidator(), Clock.systemUTC());
        return registrar
                .register(new PrefixKey(key), definition(concurrency, start, step, maxValue), OptionalLong.empty(), "t")
                .rule()
                .rule();
    }

    private static RuleDefinition definition(Concurrency concurrency, long start, long step, long maxValue) {
        return RuleDefinitions.rule("G-{seq}")
                .strategy("GAPLESS")
                .concurrency(concurrency.name())
                .start(start)
                .step(step)
                .maxValue(maxValue)
                .build();
    }

    private static CounterKey keyOf(PrefixRule rule, String qualifier) {
        return new CounterKey(rule.key().value(), qualifier);
    }

    @ParameterizedTest
    @EnumSource(Concurrency.class)
    void eachTakeSeesTheRuleAndTheLastValueOfTheTakeBeforeOnAnyNode(Concurrency concurrency) {
        PrefixRule rule = registered(concurrency, 10, 5, 1_000);
        List<GaplessStore> stores = stores();
        CounterKey key = keyOf(rule, "");
        AtomicReference<PrefixRule> seenRule = new AtomicReference<>();
        AtomicReference<Long> seenLast = new AtomicReference<>(-1L);
        GaplessStore.NextValues watching = (counter, current, last, count) -> {
            seenRule.set(current);
            seenLast.set(last);
            return CONSECUTIVE.after(counter, current, last, count);
        };

        assertThat(stores.get(0).take(key, 3, watching)).containsExactly(10, 15, 20);
        assertThat(seenRule.get()).isEqualTo(rule);
        assertThat(seenLast.get()).isNull();
        assertThat(stores.get(1).take(key, 1, watching)).containsExactly(25);
        assertThat(seenLast.get()).isEqualTo(20);
        // What is recorded is the last value chosen, wherever the choice puts it.
        assertThat(stores.get(1).take(key, 2, (counter, current, last, count) -> new long[] {40, 95}))
                .containsExactly(40, 95);
        assertThat(stores.get(0).take(key, 1, watching)).containsExactly(100);
    }

    /** A claim that records its share, or takes nothing when {@code takes} is false, and notes the order it ran in. */
    private static class NotingClaim implements GaplessClaim {
        final String lockKey;
        final int count;
        final boolean takes;
        final List<String> order;
        long[] values;

        NotingClaim(String lockKey, int count, boolean takes, List<String> order) {
            this.lockKey = lockKey;
            this.count = count;
            this.takes = takes;
            this.order = order;
        }

        @Override
        public int count() {
            return count;
        }

        @Override
        public String lockKey() {
            return lockKey;
        }

        @Override
        public boolean prepare() {
            values = null;
            order.add(lockKey);
            return takes;
        }

        @Override
        public void record(CounterKey key, PrefixRule rule, long[] values) {
            this.values = values;
        }
    }

    /** What a claim throws when it cannot write its records (a domain failure, not the store's). */
    private static final class RecordFailure extends RuntimeException {
        RecordFailure() {
            super("cannot record");
        }
    }

    @ParameterizedTest
    @EnumSource(Concurrency.class)
    void claimsArePreparedInLockOrderAndEachTakingClaimRecordsItsOwnShare(Concurrency concurrency) {
        PrefixRule rule = registered(concurrency, 1, 1, 1_000);
        CounterKey key = keyOf(rule, "");
        List<String> order = new ArrayList<>();
        NotingClaim c = new NotingClaim("c", 2, true, order);
        NotingClaim a = new NotingClaim("a", 3, true, order);
        NotingClaim answered = new NotingClaim("b", 5, false, order);

        stores().get(0).take(key, List.of(c, a, answered), CONSECUTIVE);

        assertThat(order).containsExactly("a", "b", "c");
        assertThat(a.values).containsExactly(1, 2, 3);
        assertThat(c.values).containsExactly(4, 5);
        assertThat(answered.values).isNull();
        assertThat(stores().get(1).take(key, 1, CONSECUTIVE)).containsExactly(6);
    }

    @ParameterizedTest
    @EnumSource(Concurrency.class)
    void aTakeWhoseClaimsAllTakeNothingLeavesTheCounterAsItWas(Concurrency concurrency) {
        PrefixRule rule = registered(concurrency, 1, 1, 1_000);
        CounterKey key = keyOf(rule, "");
        assertThat(stores().get(0).take(key, 2, CONSECUTIVE)).containsExactly(1, 2);

        NotingClaim answered = new NotingClaim("", 4, false, new ArrayList<>());
        stores().get(1).take(key, List.of(answered), CONSECUTIVE);

        assertThat(answered.values).isNull();
        assertThat(issuedValues().highest(rule.key())).hasValue(2);
        assertThat(stores().get(0).take(key, 1, CONSECUTIVE)).containsExactly(3);
    }

    @ParameterizedTest
    @EnumSource(Concurrency.class)
    void aTakeWhoseClaimFailsToRecordTakesNothingAndItsExceptionReachesTheCaller(Concurrency concurrency) {
        PrefixRule rule = registered(concurrency, 1, 1, 1_000);
        CounterKey key = keyOf(rule, "");
        RecordFailure failure = new RecordFailure();
        NotingClaim first = new NotingClaim("a", 1, true, new ArrayList<>());
        GaplessClaim failing = new NotingClaim("b", 1, true, new ArrayList<>()) {
            @Override
            public void record(CounterKey counter, PrefixRule rule, long[] values) {
                throw failure;
            }
        };

        assertThatThrownBy(() -> stores().get(0).take(key, List.of(first, failing), CONSECUTIVE))
                .isSameAs(failure);

        assertThat(stores().get(1).take(key, 1, CONSECUTIVE)).containsExactly(1);
    }

    @ParameterizedTest
    @EnumSource(Concurrency.class)
    void aTakeWhoseChoiceFailsTakesNothingAndItsExceptionReachesTheCaller(Concurrency concurrency) {
        PrefixRule rule = registered(concurrency, 1, 1, 1_000);
        List<GaplessStore> stores = stores();
        CounterKey key = keyOf(rule, "");
        stores.get(0).take(key, 2, CONSECUTIVE);

        assertThatThrownBy(() -> stores.get(1).take(key, 5, (counter, current, last, count) -> {
                    throw new CounterExhaustedException(counter, current.maxValue());
                }))
                .isInstanceOfSatisfying(
                        CounterExhaustedException.class,
                        e -> assertThat(e.key()).isEqualTo(key));
        assertThat(issuedValues().highest(rule.key())).hasValue(2);
        assertThat(stores.get(0).take(key, 1, CONSECUTIVE)).containsExactly(3);
    }

    @ParameterizedTest
    @EnumSource(Concurrency.class)
    void countersOfOnePrefixAreApartAndItsHighestValueIsTheirMaximum(Concurrency concurrency) {
        PrefixRule rule = registered(concurrency, 1, 1, 1_000);
        GaplessStore store = stores().get(0);
        assertThat(issuedValues().highest(rule.key())).isEmpty();

        assertThat(store.take(keyOf(rule, "2026"), 3, CONSECUTIVE)).containsExactly(1, 2, 3);
        assertThat(store.take(keyOf(rule, "2027"), 1, CONSECUTIVE)).containsExactly(1);
        assertThat(issuedValues().highest(rule.key())).hasValue(3);
        assertThat(store.take(keyOf(rule, "2027"), 4, CONSECUTIVE)).containsExactly(2, 3, 4, 5);
        assertThat(issuedValues().highest(rule.key())).hasValue(5);
    }

    /** The take and the rule change's check are ordered: a change cannot lower maxValue below a value taken. */
    @ParameterizedTest
    @EnumSource(Concurrency.class)
    void theNextTakeSeesARuleChangeAndNoChangeMayLowerMaxValueBelowATakenValue(Concurrency concurrency) {
        PrefixRule rule = registered(concurrency, 1, 1, 1_000);
        GaplessStore store = stores().get(0);
        store.take(keyOf(rule, ""), 5, CONSECUTIVE);
        RuleRegistrar registrar = new RuleRegistrar(rules(), issuedValues(), new RuleValidator(), Clock.systemUTC());

        assertThatThrownBy(() ->
                        registrar.register(rule.key(), definition(concurrency, 1, 1, 4), OptionalLong.empty(), "t"))
                .isInstanceOfSatisfying(
                        UnsafeRuleChangeException.class,
                        e -> assertThat(e.field()).isEqualTo("maxValue"));
        registrar.register(rule.key(), definition(concurrency, 1, 1, 5), OptionalLong.empty(), "t");
        AtomicReference<Long> seenMaxValue = new AtomicReference<>();
        stores().get(1).take(keyOf(rule, "other"), 1, (counter, current, last, count) -> {
            seenMaxValue.set(current.maxValue());
            return CONSECUTIVE.after(counter, current, last, count);
        });
        assertThat(seenMaxValue.get()).isEqualTo(5);
    }

    @Test
    void aCounterOfAnUnregisteredPrefixIsRefused() {
        CounterKey key = new CounterKey("NEVER" + RULES.incrementAndGet(), "");
        assertThatThrownBy(() -> stores().get(0).take(key, 1, CONSECUTIVE))
                .isInstanceOfSatisfying(
                        UnknownPrefixException.class,
                        e -> assertThat(e.prefixKey()).isEqualTo(key.prefixKey()));
        assertThat(issuedValues().highest(new PrefixKey(key.prefixKey()))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Concurrency.class)
    void concurrentTakesOnTwoNodesEachFollowTheOneBeforeSoTheValuesAreExactlyOneToN(Concurrency concurrency)
            throws Exception {
        PrefixRule rule = registered(concurrency, 1, 1, Long.MAX_VALUE);
        List<GaplessStore> stores = stores();
        CounterKey key = keyOf(rule, "");
        ConcurrentLinkedQueue<Long> taken = new ConcurrentLinkedQueue<>();
        int threads = 4;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                GaplessStore store = stores.get(t % stores.size());
                int count = 1 + t % 3;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        for (long value : store.take(key, count, CONSECUTIVE)) {
                            taken.add(value);
                        }
                    }
                }));
            }
            for (Future<?> future : work) {
                Await.result("a concurrent caller", future);
            }
        } finally {
            pool.shutdownNow();
        }
        long[] sorted = taken.stream().mapToLong(Long::longValue).sorted().toArray();
        assertThat(sorted)
                .containsExactly(LongStream.rangeClosed(1, sorted.length).toArray());
        assertThat(issuedValues().highest(rule.key())).hasValue(sorted.length);
    }
}
