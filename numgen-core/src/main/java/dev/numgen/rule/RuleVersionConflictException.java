package dev.numgen.rule;

import dev.numgen.problem.AnsweredAs;
import dev.numgen.problem.NumgenException;
import dev.numgen.problem.ProblemType;

/** The caller's {@code If-Match} version is not the rule's current version. */
@AnsweredAs(ProblemType.VERSION_MISMATCH)
public final class RuleVersionConflictException extends NumgenException {

    public RuleVersionConflictException(String prefixKey, long expected, long currentVersion) {
        this(prefixKey, "it is at version " + currentVersion + ", not " + expected);
    }

    public RuleVersionConflictException(String prefixKey, String reason) {
        super("rule " + prefixKey + " does not match If-Match: " + reason);
    }
}
