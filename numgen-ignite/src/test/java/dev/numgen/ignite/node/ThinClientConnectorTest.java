package dev.numgen.ignite.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.ignite.testing.TestNodes;
import dev.numgen.ignite.testing.TestNodes.ClusterLayout;
import dev.numgen.ignite.testing.TestNodes.TestNode;
import java.nio.file.Files;
import java.util.Map;
import org.apache.ignite.Ignition;
import org.apache.ignite.client.ClientAuthenticationException;
import org.apache.ignite.client.ClientConnectionException;
import org.apache.ignite.client.IgniteClient;
import org.apache.ignite.cluster.ClusterState;
import org.apache.ignite.configuration.ClientConfiguration;
import org.junit.jupiter.api.Test;

/** The Ignite thin-client connector: closed unless asked for, and then only with the configured password. */
class ThinClientConnectorTest {

    private static final String PASSWORD = "correct-horse-battery-staple";

    @Test
    void nodeOpensNoThinClientPortByDefault() throws Exception {
        int port = TestNodes.freePorts(1).get(0);
        ClusterLayout layout = ClusterLayout.of(Files.createTempDirectory("numgen-thin-"), 1);
        try (TestNode node = TestNodes.start(layout, 0, 1, Map.of(ThinClients.PORT, port))) {
            assertThatThrownBy(() -> connect(port, null, null)).isInstanceOf(ClientConnectionException.class);
        }
    }

    @Test
    void enablingThinClientsWithoutAStrongPasswordRefusesToStart() throws Exception {
        ClusterLayout layout = ClusterLayout.of(Files.createTempDirectory("numgen-thin-"), 1);
        assertThatThrownBy(() -> TestNodes.start(layout, 0, 1, Map.of(ThinClients.ENABLED, true)))
                .hasMessageContaining(ThinClients.PASSWORD);
        assertThatThrownBy(() -> TestNodes.start(
                        layout, 0, 1, Map.of(ThinClients.ENABLED, true, ThinClients.PASSWORD, "ignite")))
                .hasMessageContaining(ThinClients.PASSWORD);
    }

    @Test
    void thinClientsGetInOnlyWithTheConfiguredPassword() throws Exception {
        int port = TestNodes.freePorts(1).get(0);
        ClusterLayout layout = ClusterLayout.of(Files.createTempDirectory("numgen-thin-"), 1);
        try (TestNode node = TestNodes.start(layout, 0, 1, enabled(port))) {
            assertThat(node.ignite().cluster().state()).isEqualTo(ClusterState.ACTIVE);
            assertThatThrownBy(() -> connect(port, null, null)).isInstanceOf(ClientAuthenticationException.class);
            assertThatThrownBy(() -> connect(port, "ignite", "ignite"))
                    .isInstanceOf(ClientAuthenticationException.class);
            assertThatThrownBy(() -> connect(port, "ignite", PASSWORD + "x"))
                    .isInstanceOf(ClientAuthenticationException.class);
            assertThatThrownBy(() -> connect(port, "admin", PASSWORD))
                    .isInstanceOf(ClientAuthenticationException.class);
            try (IgniteClient client = connect(port, "ignite", PASSWORD)) {
                assertThat(client.cacheNames()).isNotNull();
            }
        }
    }

    @Test
    void serverNodesWithAuthenticationJoinEachOtherAndTheDefaultPasswordNeverWorks() throws Exception {
        int firstPort = TestNodes.freePorts(1).get(0);
        ClusterLayout layout = ClusterLayout.of(Files.createTempDirectory("numgen-thin-"), 2);
        try (TestNode first = TestNodes.start(layout, 0, 2, enabled(firstPort))) {
            // A new cluster before activation, when Ignite's default user cannot have another password yet.
            assertThat(first.ignite().cluster().state()).isEqualTo(ClusterState.INACTIVE);
            assertThatThrownBy(() -> connect(firstPort, "ignite", "ignite"))
                    .isInstanceOf(ClientAuthenticationException.class);
            connect(firstPort, "ignite", PASSWORD).close();

            int secondPort = TestNodes.freePorts(1).get(0);
            try (TestNode second = TestNodes.start(layout, 1, 2, enabled(secondPort))) {
                assertThat(second.ignite().cluster().forServers().nodes()).hasSize(2);
                assertThat(second.ignite().cluster().state()).isEqualTo(ClusterState.ACTIVE);
                assertThatThrownBy(() -> connect(secondPort, "ignite", "ignite"))
                        .isInstanceOf(ClientAuthenticationException.class);
                try (IgniteClient client = connect(secondPort, "ignite", PASSWORD)) {
                    client.getOrCreateCache("thin-client-probe").put(1, "reached");
                }
                assertThat(first.ignite().cache("thin-client-probe").get(1)).isEqualTo("reached");
            }
        }
    }

    private static Map<String, Object> enabled(int port) {
        return Map.of(ThinClients.ENABLED, true, ThinClients.PASSWORD, PASSWORD, ThinClients.PORT, port);
    }

    private static IgniteClient connect(int port, String user, String password) {
        ClientConfiguration configuration =
                new ClientConfiguration().setAddresses("127.0.0.1:" + port).setTimeout(5000);
        if (user != null) {
            configuration.setUserName(user).setUserPassword(password);
        }
        return Ignition.startClient(configuration);
    }
}
