package dev.numgen.provisional;

/** The cluster's provisional-number records cannot be read or written safely now. */
public final class ProvisionalStoreUnavailableException extends RuntimeException {

    public ProvisionalStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
