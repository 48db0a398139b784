package dev.numgen.ignite.testing;

import dev.numgen.ignite.testing.TestNodes.ClusterLayout;
import dev.numgen.ignite.testing.TestNodes.TestNode;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two embedded server nodes in one active cluster for a test class:
 * {@code @RegisterExtension static final TwoNodeCluster cluster = new TwoNodeCluster();}
 */
public final class TwoNodeCluster implements BeforeAllCallback, AfterAllCallback {

    private TestNode first;
    private TestNode second;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ClusterLayout layout = ClusterLayout.of(Files.createTempDirectory("numgen-two-nodes-"), 2);
        first = TestNodes.start(layout, 0, 2);
        second = TestNodes.start(layout, 1, 2);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        second.close();
        first.close();
    }

    public TestNode first() {
        return first;
    }

    public TestNode second() {
        return second;
    }
}
