package dev.numgen.ignite.store;

/** An optimistic transaction lost to a concurrent one and was rolled back; nothing changed. */
public final class TransactionConflictException extends RuntimeException {

    TransactionConflictException(Throwable cause) {
        super("optimistic transaction conflict", cause);
    }
}
