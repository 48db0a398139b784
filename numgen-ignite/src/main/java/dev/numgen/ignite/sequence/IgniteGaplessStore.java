package dev.numgen.ignite.sequence;

import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.ignite.store.StoreUnavailableException;
import dev.numgen.ignite.store.TransactionConflictException;
import dev.numgen.rule.Concurrency;
import dev.numgen.rule.PrefixRule;
import dev.numgen.rule.RuleRegistry;
import dev.numgen.rule.RuleStoreUnavailableException;
import dev.numgen.sequence.CounterKey;
import dev.numgen.sequence.GaplessStore;
import dev.numgen.sequence.SequenceUnavailableException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.IgniteCache;

/**
 * GAPLESS counters in the REPLICATED, TRANSACTIONAL, FULL_SYNC counter cache: a take is one transaction that reads the
 * rule, reads the counter, writes it and raises the prefix's highest value, in the lock order rule, counter, highest
 * (see {@link CounterCaches}). The rule's {@code concurrency} picks a pessimistic transaction (row locks) or an
 * optimistic serializable one, retried with bounded, jittered backoff while it loses to others.
 */
public final class IgniteGaplessStore implements GaplessStore {

    /** With full jitter up to 50 ms, a take gives up after a few seconds of losing. */
    static final int MAX_ATTEMPTS = 100;

    private static final long MAX_BACKOFF_MICROS = 50_000;

    private final IgniteStore store;
    private final RuleRegistry rules;

    public IgniteGaplessStore(IgniteStore store, RuleRegistry rules) {
        this.store = store;
        this.rules = rules;
        store.declare(CounterCaches.COUNTERS);
        store.declare(CounterCaches.HIGHEST);
    }

    @Override
    public long[] take(CounterKey key, int count, NextValues next) {
        try {
            return CounterCaches.ruleOf(rules, key).concurrency() == Concurrency.OPTIMISTIC
                    ? takeOptimistically(key, count, next)
                    : store.inTransaction(() -> takeInTransaction(key, count, next));
        } catch (StoreUnavailableException | RuleStoreUnavailableException e) {
            throw new SequenceUnavailableException(key, e.getMessage(), e);
        }
    }

    private long[] takeOptimistically(CounterKey key, int count, NextValues next) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.inOptimisticTransaction(() -> takeInTransaction(key, count, next));
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
    private long[] takeInTransaction(CounterKey key, int count, NextValues next) {
        IgniteCache<String, Long> counters = store.cache(CounterCaches.COUNTERS);
        IgniteCache<String, Long> highest = store.cache(CounterCaches.HIGHEST);
        PrefixRule rule = CounterCaches.ruleOf(rules, key);
        long[] values = next.after(key, rule, counters.get(key.id()), count);
        CounterCaches.advance(counters, highest, key, values[values.length - 1]);
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
