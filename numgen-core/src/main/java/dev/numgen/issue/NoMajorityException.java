package dev.numgen.issue;

import dev.numgen.problem.AnsweredAs;
import dev.numgen.problem.NumgenException;
import dev.numgen.problem.ProblemType;
import java.util.OptionalLong;

/**
 * This node is not in the majority of the cluster, and the request has no safe fallback: GAPLESS numbers must come from
 * the shared counter in commit order, SNOWFLAKE numbers are regular numbers, and an Idempotency-Key must be claimed in
 * the cluster.
 */
@AnsweredAs(ProblemType.NO_MAJORITY)
public final class NoMajorityException extends NumgenException {

    private NoMajorityException(String consequence) {
        super("this node is not in an active cluster holding a majority of its baseline; " + consequence);
    }

    /** A rule whose strategy has no fallback here. */
    public static NoMajorityException forRule(String prefixKey) {
        return new NoMajorityException(
                prefixKey + " cannot be issued safely here (only SEGMENT rules fall back to provisional numbers)");
    }

    /** A SEGMENT rule on a node that issues no provisional numbers (a client node). */
    public static NoMajorityException withoutProvisionalNumbers(String prefixKey) {
        return new NoMajorityException(
                prefixKey + " cannot be issued here, and this node issues no provisional numbers");
    }

    /** A request with an Idempotency-Key, whatever its rule's strategy: the key is claimed in the cluster first. */
    public static NoMajorityException forIdempotencyKey(String idempotencyKey) {
        return new NoMajorityException(
                "Idempotency-Key " + idempotencyKey + " cannot be claimed here, and nothing is issued before it is");
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
