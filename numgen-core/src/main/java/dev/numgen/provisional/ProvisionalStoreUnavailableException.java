package dev.numgen.provisional;

import dev.numgen.problem.StorageUnavailableException;

/** The cluster's provisional-number records cannot be read or written safely now. */
public final class ProvisionalStoreUnavailableException extends StorageUnavailableException {

    public ProvisionalStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
