package dev.numgen.ignite.testing;

import dev.numgen.ignite.node.IgniteConfigurationLoader;
import dev.numgen.ignite.store.IgniteStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
import org.apache.ignite.cluster.ClusterState;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Starts real embedded Ignite server nodes from {@code ignite-config/local-node.xml} on
 * 127.0.0.1, each with its own free ports and work directory, so tests never join each other.
 */
public final class TestNodes {

    /** A started node and the store the adapters use on it. */
    public record TestNode(Ignite ignite, IgniteStore store) implements AutoCloseable {
        @Override
        public void close() {
            ignite.close();
        }
    }

    /** Ports and directories of one test cluster. */
    public record ClusterLayout(Path workRoot, List<Integer> discoveryPorts, String name) {

        public static ClusterLayout of(Path workRoot, int nodes) {
            List<Integer> ports = freePorts(nodes);
            return new ClusterLayout(
                    workRoot, ports, "t" + UUID.randomUUID().toString().substring(0, 8));
        }

        public String discoveryAddresses() {
            return discoveryPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
        }

        /** The {@code numgen.ignite.*} properties of node {@code index} (0-based). */
        public Map<String, Object> nodeProperties(int index) {
            Map<String, Object> properties = new HashMap<>();
            properties.put("numgen.ignite.instance-name", name + "-" + index);
            properties.put("numgen.ignite.consistent-id", name + "-" + index);
            properties.put(
                    "numgen.ignite.work-dir", workRoot.resolve("node-" + index).toString());
            properties.put("numgen.ignite.discovery-port", discoveryPorts.get(index));
            properties.put("numgen.ignite.discovery-addresses", discoveryAddresses());
            properties.put("numgen.ignite.communication-port", freePorts(1).get(0));
            properties.put("numgen.ignite.client-connector-port", freePorts(1).get(0));
            properties.put("numgen.ignite.port-range", 0);
            properties.put("numgen.ignite.failure-detection-timeout-ms", 5000);
            properties.put("numgen.ignite.region-initial-size", 16L * 1024 * 1024);
            properties.put("numgen.ignite.region-max-size", 64L * 1024 * 1024);
            return properties;
        }
    }

    private TestNodes() {}

    /** Starts node {@code index} of the layout; activates the cluster once {@code clusterSize} joined. */
    public static TestNode start(ClusterLayout layout, int index, int clusterSize) {
        return start(layout, index, clusterSize, Map.of());
    }

    /** As {@link #start(ClusterLayout, int, int)}, with {@code extra} properties over the layout's. */
    public static TestNode start(ClusterLayout layout, int index, int clusterSize, Map<String, Object> extra) {
        return start(configuration(layout, index, extra), clusterSize);
    }

    /** What {@link #start(ClusterLayout, int, int, Map)} would start, for a test to change before it starts it. */
    public static IgniteConfiguration configuration(ClusterLayout layout, int index, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(layout.nodeProperties(index));
        properties.putAll(extra);
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test-node", properties));
        return IgniteConfigurationLoader.load(new ClassPathResource("ignite-config/local-node.xml"), environment);
    }

    /** Starts {@code configuration}; activates the cluster once {@code clusterSize} server nodes joined. */
    public static TestNode start(IgniteConfiguration configuration, int clusterSize) {
        Ignite ignite = Ignition.start(configuration);
        if (ignite.cluster().forServers().nodes().size() >= clusterSize
                && ignite.cluster().state() == ClusterState.INACTIVE) {
            ignite.cluster().state(ClusterState.ACTIVE);
        }
        return new TestNode(ignite, new IgniteStore(ignite, Duration.ofSeconds(10)));
    }

    public static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                socket.setReuseAddress(true);
                sockets.add(socket);
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is free again either way
                }
            }
        }
    }
}
