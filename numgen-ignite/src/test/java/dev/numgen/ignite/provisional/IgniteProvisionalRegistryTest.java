package dev.numgen.ignite.provisional;

import dev.numgen.ignite.testing.TwoNodeCluster;
import dev.numgen.provisional.ProvisionalRegistry;
import dev.numgen.provisional.ProvisionalRegistryContract;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The provisional registry contract on two embedded nodes, each with a registry of its own. */
class IgniteProvisionalRegistryTest extends ProvisionalRegistryContract {

    @RegisterExtension
    static final TwoNodeCluster cluster = new TwoNodeCluster();

    @Override
    protected List<ProvisionalRegistry> emptyRegistries() {
        IgniteProvisionalRegistry first =
                new IgniteProvisionalRegistry(cluster.first().store());
        cluster.first().store().cache(IgniteProvisionalRegistry.PROVISIONAL).clear();
        return List.of(first, new IgniteProvisionalRegistry(cluster.second().store()));
    }
}
