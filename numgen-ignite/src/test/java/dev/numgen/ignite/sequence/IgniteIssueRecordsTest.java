package dev.numgen.ignite.sequence;

import dev.numgen.ignite.rule.IgniteRuleRegistry;
import dev.numgen.ignite.testing.TwoNodeCluster;
import dev.numgen.rule.IssuedValues;
import dev.numgen.rule.RuleRegistry;
import dev.numgen.sequence.IssueRecords;
import dev.numgen.sequence.IssueRecordsContract;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The issue records contract on two embedded nodes: records written on either node, rule changes made on the second
 * (so a record and a change that race run on different nodes).
 */
class IgniteIssueRecordsTest extends IssueRecordsContract {

    @RegisterExtension
    static final TwoNodeCluster cluster = new TwoNodeCluster();

    @Override
    protected List<IssueRecords> records() {
        return List.of(
                new IgniteIssueRecords(
                        cluster.first().store(),
                        new IgniteRuleRegistry(cluster.first().store())),
                new IgniteIssueRecords(
                        cluster.second().store(),
                        new IgniteRuleRegistry(cluster.second().store())));
    }

    @Override
    protected RuleRegistry rules() {
        return new IgniteRuleRegistry(cluster.second().store());
    }

    @Override
    protected IssuedValues issuedValues() {
        return new IgniteIssuedValues(cluster.second().store());
    }
}
