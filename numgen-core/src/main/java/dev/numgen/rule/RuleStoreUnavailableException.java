package dev.numgen.rule;

/** The rule store could not be read or written; nothing was changed. */
public final class RuleStoreUnavailableException extends RuntimeException {

    public RuleStoreUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
