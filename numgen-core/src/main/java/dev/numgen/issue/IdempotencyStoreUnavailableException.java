package dev.numgen.issue;

import dev.numgen.problem.StorageUnavailableException;

/** The Idempotency-Key store could not be reached; nothing was issued. */
public final class IdempotencyStoreUnavailableException extends StorageUnavailableException {

    public IdempotencyStoreUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
