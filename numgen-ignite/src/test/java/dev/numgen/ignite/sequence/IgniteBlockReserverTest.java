package dev.numgen.ignite.sequence;

import dev.numgen.ignite.rule.IgniteRuleRegistry;
import dev.numgen.ignite.testing.TwoNodeCluster;
import dev.numgen.rule.IssuedValues;
import dev.numgen.rule.PrefixRule;
import dev.numgen.sequence.BlockReserver;
import dev.numgen.sequence.BlockReserverContract;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reserver contract on two embedded nodes, each reading rules through its own registry. */
class IgniteBlockReserverTest extends BlockReserverContract {

    @RegisterExtension
    static final TwoNodeCluster cluster = new TwoNodeCluster();

    @Override
    protected List<BlockReserver> reservers() {
        return List.of(
                new IgniteBlockReserver(
                        cluster.first().store(),
                        new IgniteRuleRegistry(cluster.first().store())),
                new IgniteBlockReserver(
                        cluster.second().store(),
                        new IgniteRuleRegistry(cluster.second().store())));
    }

    @Override
    protected IssuedValues issuedValues() {
        return new IgniteIssuedValues(cluster.second().store());
    }

    @Override
    protected void register(PrefixRule rule) {
        new IgniteRuleRegistry(cluster.first().store())
                .register(rule, OptionalLong.empty(), "test", Instant.now(), (current, proposed) -> {});
    }
}
