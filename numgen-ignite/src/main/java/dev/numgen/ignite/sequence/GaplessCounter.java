package dev.numgen.ignite.sequence;

import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.ignite.store.StoreUnavailableException;
import dev.numgen.ignite.store.TransactionConflictException;
import dev.numgen.rule.Concurrency;
import dev.numgen.rule.PrefixRule;
import dev.numgen.rule.RuleRegistry;
import dev.numgen.rule.RuleStoreUnavailableException;
import dev.numgen.sequence.BlockPlanner;
import dev.numgen.sequence.CombiningCounter;
import dev.numgen.sequence.Counter;
import dev.numgen.sequence.CounterKey;
import dev.numgen.sequence.SequenceStrategy;
import dev.numgen.sequence.SequenceUnavailableException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.IgniteCache;

/**
 * The {@code GAPLESS} strategy: every value is taken from the counter's entry in a transaction
 * that commits before the value is returned, so values are strictly increasing in commit order
 * and a request that fails before its commit consumes nothing. A batch takes all its values in
 * one transaction, or none. The rule's {@code concurrency} picks a pessimistic row lock or an
 * optimistic serializable transaction retried with bounded, jittered backoff.
 */
public final class GaplessCounter implements SequenceStrategy {

    /** With full jitter up to 50 ms, a request gives up after a few seconds of losing. */
    static final int MAX_ATTEMPTS = 100;

    private static final long MAX_BACKOFF_MICROS = 50_000;

    private final IgniteStore store;
    private final RuleRegistry rules;
    private final ConcurrentMap<CounterKey, Counter> counters = new ConcurrentHashMap<>();

    public GaplessCounter(IgniteStore store, RuleRegistry rules) {
        this.store = store;
        this.rules = rules;
        store.declare(CounterCaches.COUNTERS);
        store.declare(CounterCaches.HIGHEST);
    }

    /** Concurrent requests on this node share transactions (group commit), see {@link CombiningCounter}. */
    @Override
    public Counter counter(CounterKey key) {
        Counter known = counters.get(key);
        return known != null
                ? known
                : counters.computeIfAbsent(key, absent -> new CombiningCounter(count -> take(absent, count)));
    }

    private long[] take(CounterKey key, int count) {
        try {
            return CounterCaches.ruleOf(rules, key).concurrency() == Concurrency.OPTIMISTIC
                    ? takeOptimistically(key, count)
                    : store.inTransaction(() -> takeInTransaction(key, count));
        } catch (StoreUnavailableException | RuleStoreUnavailableException e) {
            throw new SequenceUnavailableException(key, e.getMessage(), e);
        }
    }

    private long[] takeOptimistically(CounterKey key, int count) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.inOptimisticTransaction(() -> takeInTransaction(key, count));
            } catch (TransactionConflictException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new SequenceUnavailableException(
                            key, "still conflicting after " + MAX_ATTEMPTS + " optimistic attempts", e);
                }
                backOff(key, attempt);
            }
        }
    }

    /** Runs inside the transaction: reads the rule and the counter, writes the counter. */
    private long[] takeInTransaction(CounterKey key, int count) {
        IgniteCache<String, Long> counters = store.cache(CounterCaches.COUNTERS);
        IgniteCache<String, Long> highest = store.cache(CounterCaches.HIGHEST);
        PrefixRule rule = CounterCaches.ruleOf(rules, key);
        long[] values = values(key, rule, counters.get(key.id()), count);
        CounterCaches.advance(counters, highest, key, values[count - 1]);
        return values;
    }

    /** The next {@code count} values after {@code last}, all within maxValue, or none. */
    static long[] values(CounterKey key, PrefixRule rule, Long last, int count) {
        long[] values = new long[count];
        values[0] = BlockPlanner.firstAfter(key, rule, last);
        for (int i = 1; i < count; i++) {
            values[i] = BlockPlanner.firstAfter(key, rule, values[i - 1]);
        }
        return values;
    }

    private static void backOff(CounterKey key, int attempt) {
        long ceiling = Math.min(MAX_BACKOFF_MICROS, 200L << Math.min(attempt, 10));
        try {
            TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SequenceUnavailableException(key, "interrupted while backing off", e);
        }
    }
}
