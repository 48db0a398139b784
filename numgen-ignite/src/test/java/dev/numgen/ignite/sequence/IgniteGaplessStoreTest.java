package dev.numgen.ignite.sequence;

import dev.numgen.ignite.rule.IgniteRuleRegistry;
import dev.numgen.ignite.testing.TwoNodeCluster;
import dev.numgen.rule.IssuedValues;
import dev.numgen.rule.RuleRegistry;
import dev.numgen.sequence.GaplessStore;
import dev.numgen.sequence.GaplessStoreContract;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The GAPLESS store contract on two embedded nodes, each reading rules through its own registry. */
class IgniteGaplessStoreTest extends GaplessStoreContract {

    @RegisterExtension
    static final TwoNodeCluster cluster = new TwoNodeCluster();

    @Override
    protected List<GaplessStore> stores() {
        return List.of(
                new IgniteGaplessStore(
                        cluster.first().store(),
                        new IgniteRuleRegistry(cluster.first().store())),
                new IgniteGaplessStore(
                        cluster.second().store(),
                        new IgniteRuleRegistry(cluster.second().store())));
    }

    @Override
    protected RuleRegistry rules() {
        return new IgniteRuleRegistry(cluster.first().store());
    }

    @Override
    protected IssuedValues issuedValues() {
        return new IgniteIssuedValues(cluster.second().store());
    }
}
