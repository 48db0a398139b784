package dev.numgen.rule;

import dev.numgen.problem.StorageUnavailableException;

/** The rule store could not be read or written; nothing was changed. */
public final class RuleStoreUnavailableException extends StorageUnavailableException {

    public RuleStoreUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
