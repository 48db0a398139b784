package dev.numgen.rule;

import dev.numgen.problem.AnsweredAs;
import dev.numgen.problem.NumgenException;
import dev.numgen.problem.ProblemType;

/** The version the caller's {@code If-Match} or {@code If-None-Match} demands is not the rule's current version. */
@AnsweredAs(ProblemType.VERSION_MISMATCH)
public final class RuleVersionConflictException extends NumgenException {

    public RuleVersionConflictException(String prefixKey, long expected, long currentVersion) {
        this(prefixKey, "it is at version " + currentVersion + ", not " + expected);
    }

    public RuleVersionConflictException(String prefixKey, String reason) {
        super("rule " + prefixKey + " does not match the request's If-Match or If-None-Match: " + reason);
    }
}
