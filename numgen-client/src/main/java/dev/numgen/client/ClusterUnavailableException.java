package dev.numgen.client;

import dev.numgen.problem.AnsweredAs;
import dev.numgen.problem.NumgenException;
import dev.numgen.problem.ProblemType;
import java.util.OptionalLong;

/**
 * A client node cannot issue now: it is not connected to the cluster (or the cluster it sees is not active with a
 * majority of its baseline) and what it held is spent. A client issues no provisional numbers; it reconnects by
 * itself, and a later request may succeed.
 */
@AnsweredAs(ProblemType.STORAGE_UNAVAILABLE)
public final class ClusterUnavailableException extends NumgenException {

    ClusterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public OptionalLong retryAfter() {
        return OptionalLong.of(RETRY_SOON_SECONDS);
    }

    @Override
    public Logged logged() {
        return Logged.WARN;
    }
}
