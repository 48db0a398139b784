package dev.numgen.sequence;

/** Reserves blocks of a counter's values in shared, durable storage. */
public interface BlockReserver {

    /**
     * Reserves the counter's next block, of about {@code growth} times the rule's reserveSize
     * (the reserver may make it smaller near maxValue). Returns only after the reservation is
     * durable everywhere.
     *
     * @throws CounterExhaustedException when no value is left below maxValue
     * @throws SequenceUnavailableException when storage cannot be reached
     */
    Block reserve(CounterKey key, int growth);
}
