package dev.numgen.ignite.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.ignite.store.StoreUnavailableException;
import dev.numgen.ignite.testing.TestNodes;
import dev.numgen.ignite.testing.TestNodes.ClusterLayout;
import dev.numgen.ignite.testing.TestNodes.TestNode;
import dev.numgen.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.configuration.CacheConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three embedded nodes lose two: what is left no longer holds a majority of the baseline, so numgen's caches refuse
 * writes there (reads go on), and the node's standing says so. (The chaos tests do this with real partitions.)
 */
class MajorityTopologyValidatorTest {

    private static final CacheConfiguration<String, Long> CACHE =
            IgniteStore.replicatedTransactional("numgen-validator-test");

    @TempDir
    Path work;

    @Test
    void writesStopWhenTheMajorityOfTheBaselineIsGoneAndTheNodeIsCutOffAfterItsLimit() {
        ClusterLayout layout = ClusterLayout.of(work, 3);
        TestNode first = TestNodes.start(layout, 0, 3);
        TestNode second = TestNodes.start(layout, 1, 3);
        TestNode third = TestNodes.start(layout, 2, 3);
        AtomicLong nanos = new AtomicLong();
        ClusterMajority standing = new ClusterMajority(first.ignite(), Duration.ofSeconds(60), nanos::get);
        try {
            first.store().declare(CACHE);
            IgniteCache<String, Long> cache = first.store().cache(CACHE);
            write(first, cache, 1L);
            standing.start();
            assertThat(standing.inMajority()).isTrue();

            third.close(); // 2 of 3: still the majority
            awaitServers(first, 2);
            write(first, cache, 2L);
            standing.refresh();
            assertThat(standing.inMajority()).isTrue();

            second.close(); // 1 of 3
            awaitServers(first, 1);
            assertThatThrownBy(() -> write(first, cache, 3L)).isInstanceOf(StoreUnavailableException.class);
            assertThat(first.store().call(() -> cache.get("k"))).isEqualTo(2L);

            standing.refresh();
            assertThat(standing.inMajority()).isFalse();
            assertThat(standing.standing().baselineSize()).isEqualTo(3);
            assertThat(standing.standing().baselinePresent()).isEqualTo(1);
            assertThat(standing.cutOff()).isFalse();
            nanos.addAndGet(Duration.ofSeconds(61).toNanos());
            assertThat(standing.cutOff()).as("cut off longer than its limit").isTrue();
        } finally {
            standing.close();
            first.close();
        }
    }

    private static void write(TestNode node, IgniteCache<String, Long> cache, long value) {
        node.store().inTransaction(() -> {
            cache.put("k", value);
            return null;
        });
    }

    private static void awaitServers(TestNode node, int count) {
        Await.until(
                count + " server nodes in the topology",
                () -> node.ignite().cluster().forServers().nodes().size(),
                servers -> servers == count);
    }
}
