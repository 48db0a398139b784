package dev.numgen.ignite.issue;

import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.ignite.testing.TwoNodeCluster;
import dev.numgen.issue.IssuanceRegister;
import dev.numgen.issue.IssuanceRegisterContract;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The register contract on two embedded nodes: what one node records, the other reads. */
class IgniteIssuanceRegisterTest extends IssuanceRegisterContract {

    @RegisterExtension
    static final TwoNodeCluster cluster = new TwoNodeCluster();

    private List<IgniteStore> stores() {
        return List.of(cluster.first().store(), cluster.second().store());
    }

    /** Made once per test, as a node makes its register once: its caches are declared outside any transaction. */
    private List<IssuanceRegister> registers;

    @Override
    protected List<IssuanceRegister> registers() {
        if (registers == null) {
            registers = stores().stream()
                    .map(store -> (IssuanceRegister) new IgniteIssuanceRegister(store, Clock.systemUTC()))
                    .toList();
        }
        return registers;
    }

    @Override
    protected void inTransaction(int node, Runnable work) {
        stores().get(node).inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
