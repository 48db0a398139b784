package dev.numgen.sequence;

import dev.numgen.rule.PrefixRule;
import java.util.List;

/**
 * Where GAPLESS counters live, shared by every node and durable: the last value taken of each. A take reads the
 * counter's rule in the same transaction that moves the counter, so a take and a rule change (a lower maxValue, another
 * reset) never interleave, and it raises the prefix's highest value (what rule changes check, see {@link
 * dev.numgen.rule.IssuedValues}) in that transaction too. What the take's claims record (register records,
 * Idempotency-Key results) commits in that transaction as well, or nothing does.
 */
public interface GaplessStore {

    /**
     * Takes values of the counter for {@code claims} in one transaction: reads the counter's rule and the last value
     * taken, then runs {@link GaplessTake#serve} (claims prepared, values chosen by {@code next}, each claim's share
     * recorded), writes the new last value and commits. When {@code next}, a claim or the transaction throws, nothing
     * is taken or recorded, and the exception reaches the caller as it was thrown. The work inside may run more than
     * once (a transaction that lost to a concurrent one is tried again).
     *
     * @throws dev.numgen.rule.UnknownPrefixException when no rule is registered for the counter's prefix
     * @throws SequenceUnavailableException when the store cannot be reached or the transaction cannot commit
     */
    void take(CounterKey key, List<? extends GaplessClaim> claims, NextValues next);

    /** Takes {@code count} values with nothing recorded beside them (see {@link #take(CounterKey, List, NextValues)}). */
    default long[] take(CounterKey key, int count, NextValues next) {
        ValuesOnly claim = new ValuesOnly(count);
        take(key, List.of(claim), next);
        return claim.values;
    }

    /** Chooses the values of a take, inside its transaction; it must do nothing but compute. */
    @FunctionalInterface
    interface NextValues {

        /**
         * @param rule the counter's rule as the transaction read it
         * @param last the counter's last value taken, or null when none was
         * @return {@code count} values, in increasing order; the last is recorded as the counter's
         */
        long[] after(CounterKey key, PrefixRule rule, Long last, int count);
    }

    /** A claim that only takes values. */
    final class ValuesOnly implements GaplessClaim {
        private final int count;
        private long[] values;

        public ValuesOnly(int count) {
            this.count = count;
        }

        @Override
        public int count() {
            return count;
        }

        @Override
        public boolean prepare() {
            values = null;
            return true;
        }

        @Override
        public void record(CounterKey key, PrefixRule rule, long[] values) {
            this.values = values;
        }

        /** The values taken, once the take has committed. */
        public long[] values() {
            return values;
        }
    }
}
