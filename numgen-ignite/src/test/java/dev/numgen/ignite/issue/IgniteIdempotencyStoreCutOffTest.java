package dev.numgen.ignite.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.ignite.testing.TestNodes;
import dev.numgen.ignite.testing.TestNodes.ClusterLayout;
import dev.numgen.ignite.testing.TestNodes.TestNode;
import dev.numgen.issue.NoMajorityException;
import dev.numgen.testing.Await;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A two-node baseline loses one node: the caches on the other refuse the claim's write, and the store answers that as
 * the no-majority refusal, not as a store failure, even before the node's polled standing has noticed; nothing is
 * claimed.
 */
class IgniteIdempotencyStoreCutOffTest {

    @TempDir
    Path work;

    @Test
    void aClaimTheCachesRefuseForWantOfAMajorityIsTheNoMajorityRefusal() {
        ClusterLayout layout = ClusterLayout.of(work, 2);
        TestNode first = TestNodes.start(layout, 0, 2);
        TestNode second = TestNodes.start(layout, 1, 2);
        try {
            IgniteIdempotencyStore store = new IgniteIdempotencyStore(first.store());
            assertThat(store.claim("alice", "before", "1:A;1:1;", 1)).isEmpty();

            second.close(); // 1 of 2: no majority
            awaitServers(first, 1);
            assertThatThrownBy(() -> store.claim("alice", "after", "1:A;1:1;", 1))
                    .isInstanceOf(NoMajorityException.class)
                    .hasMessageContaining("Idempotency-Key after");
            assertThat(first.store()
                            .call(() -> first.store()
                                    .cache(IgniteIdempotencyStore.RESULTS)
                                    .get(IgniteIdempotencyStore.id("alice", "after"))))
                    .as("claimed")
                    .isNull();
        } finally {
            first.close();
        }
    }

    private static void awaitServers(TestNode node, int count) {
        Await.until(
                count + " server nodes in the topology",
                () -> node.ignite().cluster().forServers().nodes().size(),
                servers -> servers == count);
    }
}
