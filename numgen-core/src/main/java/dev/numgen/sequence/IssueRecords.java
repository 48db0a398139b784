package dev.numgen.sequence;

import dev.numgen.rule.Strategy;

/**
 * Durable, cluster-wide records of the rules that have issued numbers under a strategy that keeps no shared counter
 * (SNOWFLAKE computes its ids on each node), so that a rule change that could repeat one of them is refused like a
 * change of a rule whose counters have moved ({@link dev.numgen.rule.IssuedValues#issuedAny}).
 *
 * <p>A record is never removed: once it exists, the rule's strategy can no longer change, so a node that has recorded a
 * rule once need not ask again while it runs.
 */
public interface IssueRecords {

    /**
     * Records that the counter's rule issues numbers under {@code strategy}, and returns only once the record is
     * durable in the cluster; a caller hands out no number of the rule before. The record and a rule change are
     * ordered one after the other: if the change comes first and the rule no longer uses {@code strategy}, nothing is
     * recorded and the caller must not issue.
     *
     * @throws SequenceUnavailableException when the record cannot be written now, or the rule no longer uses
     *     {@code strategy} (the caller is serving an older version of it)
     * @throws dev.numgen.rule.UnknownPrefixException when the counter's prefix has no rule
     */
    void recordIssuing(CounterKey key, Strategy strategy);
}
