package dev.numgen.ignite.rule;

import dev.numgen.ignite.testing.TwoNodeCluster;
import dev.numgen.rule.RuleRegistry;
import dev.numgen.rule.RuleRegistryContract;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The registry contract on two embedded nodes, each with a registry of its own. */
class IgniteRuleRegistryTest extends RuleRegistryContract {

    @RegisterExtension
    static final TwoNodeCluster cluster = new TwoNodeCluster();

    @Override
    protected List<RuleRegistry> registries() {
        return List.of(
                new IgniteRuleRegistry(cluster.first().store()),
                new IgniteRuleRegistry(cluster.second().store()));
    }
}
