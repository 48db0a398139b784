package dev.numgen.sequence;

import dev.numgen.rule.PrefixRule;

/**
 * Where GAPLESS counters live, shared by every node and durable: the last value taken of each. A take reads the
 * counter's rule in the same transaction that moves the counter, so a take and a rule change (a lower maxValue, another
 * reset) never interleave, and it raises the prefix's highest value (what rule changes check, see {@link
 * dev.numgen.rule.IssuedValues}) in that transaction too.
 */
public interface GaplessStore {

    /**
     * Takes values of the counter in one transaction: reads the counter's rule and the last value taken, has {@code
     * next} choose the values after it, records the last of them and commits. The values are returned only once
     * committed; when {@code next} throws or the transaction fails, nothing is taken, and {@code next}'s exception
     * reaches the caller as it was thrown. {@code next} may run more than once (a transaction that lost to a
     * concurrent one is tried again), so it must do nothing but compute.
     *
     * @throws dev.numgen.rule.UnknownPrefixException when no rule is registered for the counter's prefix
     * @throws SequenceUnavailableException when the store cannot be reached or the transaction cannot commit
     */
    long[] take(CounterKey key, int count, NextValues next);

    /** Chooses the values of a take, inside its transaction. */
    @FunctionalInterface
    interface NextValues {

        /**
         * @param rule the counter's rule as the transaction read it
         * @param last the counter's last value taken, or null when none was
         * @return at least one value, in increasing order; the last is recorded as the counter's
         */
        long[] after(CounterKey key, PrefixRule rule, Long last, int count);
    }
}
