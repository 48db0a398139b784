package dev.numgen.issue;

import dev.numgen.problem.AnsweredAs;
import dev.numgen.problem.NumgenException;
import dev.numgen.problem.ProblemType;
import java.util.OptionalLong;

/**
 * This node is not in the majority of the cluster, and the rule's strategy has no safe fallback: GAPLESS numbers must
 * come from the shared counter in commit order, and SNOWFLAKE numbers are regular numbers.
 */
@AnsweredAs(ProblemType.NO_MAJORITY)
public final class NoMajorityException extends NumgenException {

    public NoMajorityException(String prefixKey) {
        super("this node is not in an active cluster holding a majority of its baseline; " + prefixKey
                + " cannot be issued safely here (only SEGMENT rules fall back to provisional numbers)");
    }

    @Override
    public OptionalLong retryAfter() {
        return OptionalLong.of(RETRY_SOON_SECONDS);
    }

    @Override
    public Logged logged() {
        return Logged.WARN;
    }
}
