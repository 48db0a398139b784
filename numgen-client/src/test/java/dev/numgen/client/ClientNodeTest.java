package dev.numgen.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.ignite.testing.TestCertificates;
import dev.numgen.ignite.testing.TestCertificates.Authority;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client node's configuration, and what the client refuses before it starts a node. */
class ClientNodeTest {

    private static NumberClientSettings.Builder settings() {
        return NumberClientSettings.builder()
                .discoveryAddresses("127.0.0.1:47501..47503")
                .nodeName("app-1");
    }

    @Test
    void withoutTlsSettingsTheClientRefusesToStartAndSaysWhatToSet() {
        assertThatThrownBy(() -> settings().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("app-1 refuses to start without cluster TLS")
                .hasMessageContaining("numgen.client.tls.key-store")
                .hasMessageContaining("numgen.client.tls.enabled=false");
    }

    @Test
    void peerClassLoadingWithoutTlsIsRefused() {
        NumberClientSettings plain =
                settings().withoutTls().peerClassLoading(true).build();
        assertThatThrownBy(() -> ClientNode.configuration(plain))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("peer class loading is on but cluster TLS is off");
    }

    @Test
    void theNodeIsAThickClientWithTheServersDiscoveryAndNothingElseOpen(@TempDir Path dir) throws Exception {
        Authority ca = TestCertificates.authority(Files.createDirectories(dir), "ca");
        IgniteConfiguration configuration = ClientNode.configuration(
                settings().tls(ca.tls("app-1")).peerClassLoading(true).build());

        assertThat(configuration.isClientMode()).isTrue();
        assertThat(configuration.getConsistentId()).isEqualTo("app-1");
        assertThat(configuration.getSslContextFactory()).isNotNull();
        assertThat(configuration.isPeerClassLoadingEnabled()).isTrue();
        assertThat(configuration.getDataStorageConfiguration()).isNull();
        assertThat(configuration.getConnectorConfiguration()).isNull();
        assertThat(configuration.getClientConnectorConfiguration()).isNull();
        assertThat(configuration.getIncludeProperties()).isEmpty();
        TcpDiscoverySpi discovery = (TcpDiscoverySpi) configuration.getDiscoverySpi();
        assertThat(discovery.isClientReconnectDisabled()).isFalse();
        assertThat(((TcpDiscoveryVmIpFinder) discovery.getIpFinder()).getRegisteredAddresses())
                .hasSize(3);
    }
}
