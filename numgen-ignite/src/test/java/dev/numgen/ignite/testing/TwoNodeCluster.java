package dev.numgen.ignite.testing;

import dev.numgen.ignite.testing.TestNodes.ClusterLayout;
import dev.numgen.ignite.testing.TestNodes.TestNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two embedded server nodes in one active cluster for a test class, started before its {@code @BeforeAll} methods:
 * {@code @RegisterExtension static final TwoNodeCluster cluster = new TwoNodeCluster();}
 */
public final class TwoNodeCluster implements BeforeAllCallback, AfterAllCallback {

    private final List<TestNode> nodes = new ArrayList<>();
    private Path workRoot;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        workRoot = Files.createTempDirectory("numgen-two-nodes-");
        ClusterLayout layout = ClusterLayout.of(workRoot, 2);
        for (int index = 0; index < 2; index++) {
            nodes.add(TestNodes.start(layout, index, 2));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        for (int index = nodes.size() - 1; index >= 0; index--) {
            nodes.get(index).close();
        }
        nodes.clear();
        if (workRoot == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(workRoot)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    public TestNode first() {
        return nodes.get(0);
    }

    public TestNode second() {
        return nodes.get(1);
    }

    /** Both nodes, the first first. */
    public List<TestNode> nodes() {
        return List.copyOf(nodes);
    }
}
