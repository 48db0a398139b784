package dev.numgen.ignite.issue;

import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.ignite.testing.TwoNodeCluster;
import dev.numgen.issue.IdempotencyLimits;
import dev.numgen.issue.IdempotencyStore;
import dev.numgen.issue.IdempotencyStoreContract;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Idempotency-Key store contract on two embedded nodes: a retry on another node finds what the first answered. */
class IgniteIdempotencyStoreTest extends IdempotencyStoreContract {

    @RegisterExtension
    static final TwoNodeCluster cluster = new TwoNodeCluster();

    @Override
    protected List<IdempotencyStore> emptyStores(IdempotencyLimits limits, Clock clock) {
        IgniteStore first = cluster.first().store();
        IgniteIdempotencyStore onFirst = new IgniteIdempotencyStore(first, limits, clock);
        first.cache(IgniteIdempotencyStore.RESULTS).clear();
        first.cache(IgniteIdempotencyStore.LEDGERS).clear();
        return List.of(onFirst, new IgniteIdempotencyStore(cluster.second().store(), limits, clock));
    }

    @Override
    protected <T> T inTransaction(int node, Supplier<T> work) {
        return (node == 0 ? cluster.first() : cluster.second()).store().inTransaction(work);
    }
}
