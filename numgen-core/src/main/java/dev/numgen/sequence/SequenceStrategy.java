package dev.numgen.sequence;

/** Produces the sequence values of counters. Implementations are thread-safe. */
public interface SequenceStrategy {

    /** The counter for {@code key}; the same key always gives a counter over the same values. */
    Counter counter(CounterKey key);

    /** The next value of the counter (see {@link Counter#next()}). */
    default long next(CounterKey key) {
        return counter(key).next();
    }

    /** {@code count} values of the counter, in increasing order. */
    default long[] next(CounterKey key, int count) {
        return counter(key).next(count);
    }
}
