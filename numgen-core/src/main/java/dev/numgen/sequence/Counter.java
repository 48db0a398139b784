package dev.numgen.sequence;

/** The values of one counter, from a {@link SequenceStrategy}; kept and reused by its caller. */
public interface Counter {

    /**
     * The next value.
     *
     * @throws CounterExhaustedException when the counter has reached its rule's maxValue
     * @throws SequenceUnavailableException when no value can be produced safely now
     */
    long next();

    /** {@code count} values, in increasing order. */
    default long[] next(int count) {
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = next();
        }
        return values;
    }
}
