package dev.numgen.issue;

/** An Idempotency-Key was sent again with other parameters; nothing was issued. */
public final class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key " + key + " was already used with other parameters");
    }
}
