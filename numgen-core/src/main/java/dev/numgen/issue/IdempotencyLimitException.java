package dev.numgen.issue;

/** A new Idempotency-Key would take the client (or the cluster) past its {@link IdempotencyLimits}; nothing was
 * stored or issued. */
public final class IdempotencyLimitException extends RuntimeException {

    private final long retryAfterSeconds;

    public IdempotencyLimitException(String reason, long retryAfterSeconds) {
        super(reason + "; nothing was issued");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds until enough of the client's records have expired for this request. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
