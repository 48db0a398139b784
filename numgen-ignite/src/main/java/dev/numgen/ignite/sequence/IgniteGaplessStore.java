package dev.numgen.ignite.sequence;

import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.ignite.store.StoreUnavailableException;
import dev.numgen.ignite.store.TransactionConflictException;
import dev.numgen.rule.Concurrency;
import dev.numgen.rule.PrefixRule;
import dev.numgen.rule.RuleRegistry;
import dev.numgen.rule.RuleStoreUnavailableException;
import dev.numgen.sequence.CounterKey;
import dev.numgen.sequence.GaplessClaim;
import dev.numgen.sequence.GaplessStore;
import dev.numgen.sequence.GaplessTake;
import dev.numgen.sequence.SequenceUnavailableException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.IgniteCache;

/**
 * GAPLESS counters in the REPLICATED, TRANSACTIONAL, FULL_SYNC counter cache: a take is one transaction that reads the
 * rule, reads the counter, serves its claims (Idempotency-Key records in the order of their ids, then register records),
 * writes the counter and raises the prefix's highest value, in the lock order rule, counter, claims, highest (see
 * {@link CounterCaches}). The rule's {@code concurrency} picks a pessimistic transaction (row locks) or an
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
    public void take(CounterKey key, List<? extends GaplessClaim> claims, NextValues next) {
        try {
            if (CounterCaches.ruleOf(rules, key).concurrency() == Concurrency.OPTIMISTIC) {
                takeOptimistically(key, claims, next);
            } else {
                store.inTransaction(() -> takeInTransaction(key, claims, next));
            }
        } catch (StoreUnavailableException | RuleStoreUnavailableException e) {
            throw new SequenceUnavailableException(key, e.getMessage(), e);
        }
    }

    private void takeOptimistically(CounterKey key, List<? extends GaplessClaim> claims, NextValues next) {
        for (int attempt = 1; ; attempt++) {
            try {
                store.inOptimisticTransaction(() -> takeInTransaction(key, claims, next));
                return;
            } catch (TransactionConflictException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new SequenceUnavailableException(
                            key, "still conflicting after " + MAX_ATTEMPTS + " optimistic attempts", e);
                }
                backOff(key, attempt);
            }
        }
    }

    /**
     * Runs inside the transaction: reads the rule and the counter, serves the claims (which lock their keys, in lock
     * order, and write their records), writes the counter and the prefix's highest.
     */
    private Void takeInTransaction(CounterKey key, List<? extends GaplessClaim> claims, NextValues next) {
        IgniteCache<String, Long> counters = store.cache(CounterCaches.COUNTERS);
        IgniteCache<String, Long> highest = store.cache(CounterCaches.HIGHEST);
        PrefixRule rule = CounterCaches.ruleOf(rules, key);
        Long taken = GaplessTake.serve(key, rule, counters.get(key.id()), claims, next);
        if (taken != null) {
            CounterCaches.advance(counters, highest, key, taken);
        }
        return null;
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
