package dev.numgen.issue;

/** The Idempotency-Key store could not be reached; nothing was issued. */
public final class IdempotencyStoreUnavailableException extends RuntimeException {

    public IdempotencyStoreUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
