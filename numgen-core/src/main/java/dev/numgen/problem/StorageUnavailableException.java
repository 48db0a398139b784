package dev.numgen.problem;

import java.util.OptionalLong;

/**
 * A shared store (rules, counters, Idempotency-Key records, provisional records) cannot be reached safely right now,
 * so nothing was issued or changed. The message names the store and its failure for the log; clients get a fixed
 * sentence.
 */
@AnsweredAs(ProblemType.STORAGE_UNAVAILABLE)
public abstract class StorageUnavailableException extends NumgenException {

    protected StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public final String detail() {
        return "the cluster store cannot be reached safely right now; nothing was issued or changed";
    }

    @Override
    public final OptionalLong retryAfter() {
        return OptionalLong.of(RETRY_SOON_SECONDS);
    }

    @Override
    public final Logged logged() {
        return Logged.WARN;
    }
}
