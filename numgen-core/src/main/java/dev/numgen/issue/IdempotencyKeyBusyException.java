package dev.numgen.issue;

/** A request with this Idempotency-Key is still being answered; retry shortly. */
public final class IdempotencyKeyBusyException extends RuntimeException {

    public IdempotencyKeyBusyException(String key) {
        super("a request with Idempotency-Key " + key + " is still in progress");
    }
}
