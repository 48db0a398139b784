package dev.numgen.sequence;

import dev.numgen.rule.PrefixRule;

/**
 * One request's part in a GAPLESS take: how many values it asks for and what it commits beside them, in the same
 * transaction (its register record, its Idempotency-Key result). The store runs {@link #prepare} and {@link #record}
 * inside the transaction, again on every attempt when one is retried, so both only read and write through the
 * transaction and keep their outcome in the claim, overwritten by each attempt.
 */
public interface GaplessClaim {

    /** How many values the request takes, 1 or more. */
    int count();

    /**
     * What the claim locks first inside the transaction ({@code ""} for nothing): claims served together are prepared
     * in this order, so that two transactions that lock the same keys lock them in the same order.
     */
    default String lockKey() {
        return "";
    }

    /**
     * Runs first in the transaction: whether the request still takes its values. False when it is answered without
     * (a replay of a committed request) or refused; the claim keeps which.
     */
    boolean prepare();

    /**
     * Runs in the transaction with the values chosen for this request: writes what must commit with them.
     *
     * @param rule the counter's rule as the transaction read it
     */
    void record(CounterKey key, PrefixRule rule, long[] values);
}
