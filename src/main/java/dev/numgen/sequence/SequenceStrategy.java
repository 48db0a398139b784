package dev.numgen.sequence;

/** Produces the sequence values of counters. Implementations are thread-safe. */
public interface SequenceStrategy {

    /**
     * The next value of the counter.
     *
     * @throws CounterExhaustedException when the counter has reached its rule's maxValue
     * @throws SequenceUnavailableException when no value can be produced safely now
     */
    long next(CounterKey key);

    /** {@code count} values of the counter, in increasing order. */
    default long[] next(CounterKey key, int count) {
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = next(key);
        }
        return values;
    }
}
