package dev.numgen.sequence;

import dev.numgen.problem.StorageUnavailableException;

/** No value can be produced safely right now (the cluster store cannot be reached). */
public final class SequenceUnavailableException extends StorageUnavailableException {

    public SequenceUnavailableException(CounterKey key, String reason, Throwable cause) {
        super("counter " + key + " is unavailable: " + reason, cause);
    }
}
