package dev.numgen.issue;

/**
 * This node is not in the majority of the cluster, and the rule's strategy has no safe fallback: GAPLESS numbers must
 * come from the shared counter in commit order, and SNOWFLAKE numbers are regular numbers.
 */
public final class NoMajorityException extends RuntimeException {

    public NoMajorityException(String prefixKey) {
        super("this node is not in an active cluster holding a majority of its baseline; " + prefixKey
                + " cannot be issued safely here (only SEGMENT rules fall back to provisional numbers)");
    }
}
