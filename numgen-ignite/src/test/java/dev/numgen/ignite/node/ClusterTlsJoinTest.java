package dev.numgen.ignite.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.ignite.rule.IgniteRuleRegistry;
import dev.numgen.ignite.sequence.IgniteBlockReserver;
import dev.numgen.ignite.testing.TestCertificates;
import dev.numgen.ignite.testing.TestCertificates.Authority;
import dev.numgen.ignite.testing.TestNodes;
import dev.numgen.ignite.testing.TestNodes.ClusterLayout;
import dev.numgen.ignite.testing.TestNodes.TestNode;
import dev.numgen.rule.PrefixRule;
import dev.numgen.rule.TestRules;
import dev.numgen.sequence.Block;
import dev.numgen.sequence.CounterKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.configuration.DeploymentMode;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A two-node cluster with mutual TLS from one CA, and the nodes it keeps out. Each outsider trusts the cluster's CA
 * (it would accept the cluster's certificates), so what refuses it is the cluster asking for its certificate.
 */
class ClusterTlsJoinTest {

    /** Slots 0 and 1 are the cluster; each outsider gets a slot of its own, with its own ports and directory. */
    private static final int SLOTS = 6;

    @TempDir
    static Path dir;

    static Authority cluster;
    static Authority other;
    static ClusterLayout layout;
    static TestNode first;
    static TestNode second;

    @BeforeAll
    static void startCluster() {
        cluster = TestCertificates.authority(dir, "cluster-ca");
        other = TestCertificates.authority(dir, "other-ca");
        layout = ClusterLayout.of(dir.resolve("nodes"), SLOTS);
        first = TestNodes.start(layout, 0, 2, cluster.serverProperties("node-0", cluster));
        second = TestNodes.start(layout, 1, 2, cluster.serverProperties("node-1", cluster));
    }

    @AfterAll
    static void stopCluster() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void twoTlsNodesFromOneCaFormAClusterAndReserveBlocks() {
        assertThat(first.ignite().cluster().forServers().nodes()).hasSize(2);
        assertThat(first.ignite().configuration().getSslContextFactory()).isNotNull();
        PrefixRule rule = TestRules.segment("TLS", 1, 1, 1_000_000, 100);
        new IgniteRuleRegistry(first.store())
                .register(rule, OptionalLong.empty(), "test", Instant.now(), (current, proposed) -> {});
        CounterKey key = new CounterKey(rule.key().value(), "");
        Block onFirst = new IgniteBlockReserver(first.store(), new IgniteRuleRegistry(first.store())).reserve(key, 1);
        Block onSecond =
                new IgniteBlockReserver(second.store(), new IgniteRuleRegistry(second.store())).reserve(key, 1);
        assertThat(onFirst).isEqualTo(new Block(1, 100, 1));
        assertThat(onSecond).isEqualTo(new Block(101, 200, 1));
    }

    @Test
    void aServerWithACertificateFromAnotherCaCannotJoin() {
        assertStaysOut(outsider(2, other.serverProperties("rogue-server", cluster)));
    }

    @Test
    void aClientWithACertificateFromAnotherCaCannotJoin() {
        IgniteConfiguration outsider = outsider(3, other.serverProperties("rogue-client", cluster));
        outsider.setClientMode(true);
        assertStaysOut(outsider);
    }

    @Test
    void aNodeWithoutTlsCannotJoin() {
        IgniteConfiguration outsider = outsider(4, Map.of());
        assertThat(outsider.getSslContextFactory()).isNull();
        assertStaysOut(outsider);
    }

    @Test
    void aNodeWithPeerClassLoadingButNoTlsDoesNotStartAndSaysWhy() {
        assertThatThrownBy(() -> outsider(5, Map.of("numgen.ignite.peer-class-loading", true)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("peer class loading is on but cluster TLS is off");
    }

    @Test
    void peerClassLoadingWithTlsIsSharedMode() {
        Map<String, Object> properties = new HashMap<>(cluster.serverProperties("node-5", cluster));
        properties.put("numgen.ignite.peer-class-loading", true);
        IgniteConfiguration configuration = outsider(5, properties);
        assertThat(configuration.isPeerClassLoadingEnabled()).isTrue();
        assertThat(configuration.getDeploymentMode()).isEqualTo(DeploymentMode.SHARED);
    }

    /** Node {@code slot}'s configuration, joining the cluster's discovery addresses, giving up after a few seconds. */
    private static IgniteConfiguration outsider(int slot, Map<String, Object> extra) {
        IgniteConfiguration configuration = TestNodes.configuration(layout, slot, extra);
        ((TcpDiscoverySpi) configuration.getDiscoverySpi()).setJoinTimeout(5_000);
        return configuration;
    }

    /**
     * Starts {@code outsider} and checks that it never joined the cluster: either its start failed because the
     * cluster refused its handshake (or, for a client, which retries until its join timeout, because it never got
     * in), or, a server node that no member would talk to, it started a cluster of its own with nobody else in it.
     * Which of the two happens depends on how the refused handshake reaches the outsider (an alert it reads, or a
     * closed socket), so both are accepted; in both the cluster still has its two nodes only.
     */
    private static void assertStaysOut(IgniteConfiguration outsider) {
        TestNode started;
        try {
            started = TestNodes.start(outsider, 3);
        } catch (IgniteException refused) {
            assertThat(refused)
                    .satisfiesAnyOf(
                            e -> assertThat(e).hasStackTraceContaining("Unable to establish secure connection"),
                            e -> assertThat(e).hasStackTraceContaining("Join process timed out"));
            assertClusterUnchanged();
            return;
        }
        try (started) {
            assertThat(outsider.isClientMode())
                    .as("a client node never starts alone")
                    .isNotEqualTo(Boolean.TRUE);
            assertThat(started.ignite().cluster().nodes())
                    .extracting(ClusterNode::id)
                    .containsExactly(started.ignite().cluster().localNode().id());
            assertClusterUnchanged();
        }
    }

    private static void assertClusterUnchanged() {
        assertThat(first.ignite().cluster().nodes()).hasSize(2);
        assertThat(second.ignite().cluster().nodes()).hasSize(2);
    }
}
