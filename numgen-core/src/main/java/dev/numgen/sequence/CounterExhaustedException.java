package dev.numgen.sequence;

/** The counter has handed out every value up to its rule's maxValue; it never wraps. */
public final class CounterExhaustedException extends RuntimeException {

    private final CounterKey key;

    public CounterExhaustedException(CounterKey key, long maxValue) {
        super("counter " + key + " has reached its maxValue " + maxValue);
        this.key = key;
    }

    public CounterKey key() {
        return key;
    }
}
