package dev.numgen.rule;

/** The caller's {@code If-Match} version is not the rule's current version. */
public final class RuleVersionConflictException extends RuntimeException {

    public RuleVersionConflictException(String prefixKey, long expected, long currentVersion) {
        this(prefixKey, "it is at version " + currentVersion + ", not " + expected);
    }

    public RuleVersionConflictException(String prefixKey, String reason) {
        super("rule " + prefixKey + " does not match If-Match: " + reason);
    }
}
