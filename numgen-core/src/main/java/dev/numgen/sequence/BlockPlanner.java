package dev.numgen.sequence;

import dev.numgen.rule.PrefixRule;

/**
 * Decides a counter's next block from the last value reserved. A block never passes maxValue,
 * never holds more than {@link #MAX_BLOCK} values (which bounds what a stopping node skips), and
 * near the end takes at most a hundredth of what is left, so one node cannot strand the
 * remaining capacity of a counter.
 */
public final class BlockPlanner {

    public static final long MAX_BLOCK = 1_000_000;
    static final long SHARE_OF_REMAINING = 100;

    private BlockPlanner() {}

    /**
     * @param lastReserved the last value reserved so far, or null when none is
     * @param growth how many times the rule's reserveSize the caller would like
     * @throws CounterExhaustedException when no value is left up to maxValue
     */
    public static Block next(CounterKey key, PrefixRule rule, Long lastReserved, int growth) {
        long step = rule.step();
        long first = firstAfter(key, rule, lastReserved);
        long remaining = (rule.maxValue() - first) / step + 1;
        long size = Math.min((long) rule.reserveSize() * Math.max(growth, 1), MAX_BLOCK);
        size = Math.min(size, Math.max(rule.reserveSize(), remaining / SHARE_OF_REMAINING));
        size = Math.min(size, remaining);
        return new Block(first, first + (size - 1) * step, step);
    }

    /**
     * The counter's next value after {@code lastReserved} ({@code start} when nothing was
     * reserved), never past maxValue and never by overflow.
     *
     * @throws CounterExhaustedException when no value is left
     */
    public static long firstAfter(CounterKey key, PrefixRule rule, Long lastReserved) {
        long first;
        if (lastReserved == null) {
            first = rule.start();
        } else if (lastReserved > rule.maxValue() - rule.step()) {
            throw new CounterExhaustedException(key, rule.maxValue());
        } else {
            first = lastReserved + rule.step();
        }
        if (first > rule.maxValue()) {
            throw new CounterExhaustedException(key, rule.maxValue());
        }
        return first;
    }
}
