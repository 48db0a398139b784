package dev.numgen.ignite.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.ignite.testing.TestCertificates;
import dev.numgen.ignite.testing.TestCertificates.Authority;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.ignite.configuration.ClientConnectorConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.ssl.SslContextFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ClusterTlsTest {

    private static final String PREFIX = "test.tls";

    @TempDir
    static Path dir;

    static Authority authority;

    @BeforeAll
    static void certificates() {
        authority = TestCertificates.authority(dir, "ca-a");
        authority.keyStore("node-a");
    }

    @Test
    void fromIsEmptyUnlessEnabled() {
        Map<String, Object> properties = properties();
        properties.remove(PREFIX + ".enabled");
        assertThat(ClusterTls.from(environment(properties), PREFIX)).isEmpty();
        properties.put(PREFIX + ".enabled", "false");
        assertThat(ClusterTls.from(environment(properties), PREFIX)).isEmpty();
    }

    @Test
    void fromReadsTheNodeCertificate() {
        ClusterTls tls = ClusterTls.from(environment(properties()), PREFIX).orElseThrow();
        assertThat(tls.subject()).isEqualTo("CN=node-a,O=numgen-test");
        assertThat(tls.keyStore()).isEqualTo(authority.keyStore("node-a").toAbsolutePath());
        assertThat(tls.trustStore()).isEqualTo(authority.trustStore().toAbsolutePath());
    }

    @Test
    void fromNamesAMissingProperty() {
        Map<String, Object> properties = properties();
        properties.remove(PREFIX + ".trust-store-password");
        assertThatThrownBy(() -> ClusterTls.from(environment(properties), PREFIX))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("test.tls.enabled is true, so test.tls.trust-store-password must be set");
    }

    @Test
    void fromNamesAMissingFile() {
        Map<String, Object> properties = properties();
        properties.put(PREFIX + ".key-store", dir.resolve("absent.p12").toString());
        assertThatThrownBy(() -> ClusterTls.from(environment(properties), PREFIX))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("test.tls.key-store: no readable file at ")
                .hasMessageContaining("absent.p12");
    }

    @Test
    void fromNamesAWrongPassword() {
        Map<String, Object> properties = properties();
        properties.put(PREFIX + ".key-store-password", "not-the-password");
        assertThatThrownBy(() -> ClusterTls.from(environment(properties), PREFIX))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("test.tls.key-store-password is not the password of ");
        Map<String, Object> trust = properties();
        trust.put(PREFIX + ".trust-store-password", "not-the-password");
        assertThatThrownBy(() -> ClusterTls.from(environment(trust), PREFIX))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("test.tls.trust-store-password is not the password of ");
    }

    @Test
    void aKeyStoreWithoutAKeyIsRefused() {
        assertThatThrownBy(() -> ClusterTls.of(
                        authority.trustStore(),
                        TestCertificates.PASSWORD.toCharArray(),
                        authority.trustStore(),
                        TestCertificates.PASSWORD.toCharArray()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("keyStore: holds 0 keys");
    }

    @Test
    void aTrustStoreWithoutACertificateIsRefused() {
        // the node's key store holds a key and its chain, but no trusted entry
        Path keyStore = authority.keyStore("node-a");
        assertThatThrownBy(() -> ClusterTls.of(
                        keyStore,
                        TestCertificates.PASSWORD.toCharArray(),
                        keyStore,
                        TestCertificates.PASSWORD.toCharArray()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("trustStore: ")
                .hasMessageEndingWith("holds no trusted (CA) certificate");
    }

    @Test
    void applyToSetsTheFactoryAndMutualTlsOnTheThinClientConnector() {
        IgniteConfiguration configuration =
                new IgniteConfiguration().setClientConnectorConfiguration(new ClientConnectorConfiguration());
        authority.tls("node-a").applyTo(configuration);

        assertThat(configuration.getSslContextFactory()).isInstanceOf(SslContextFactory.class);
        SslContextFactory factory = (SslContextFactory) configuration.getSslContextFactory();
        assertThat(factory.getProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(factory.getKeyStoreType()).isEqualTo("PKCS12");
        assertThat(factory.create().getProtocol()).isEqualTo("TLS");
        ClientConnectorConfiguration connector = configuration.getClientConnectorConfiguration();
        assertThat(connector.isSslEnabled()).isTrue();
        assertThat(connector.isSslClientAuth()).isTrue();
        assertThat(connector.isUseIgniteSslContextFactory()).isTrue();
    }

    @Test
    void applyToLeavesAnAbsentConnectorAbsent() {
        IgniteConfiguration configuration = new IgniteConfiguration().setClientConnectorConfiguration(null);
        authority.tls("node-a").applyTo(configuration);
        assertThat(configuration.getClientConnectorConfiguration()).isNull();
        assertThat(configuration.getSslContextFactory()).isNotNull();
    }

    private static Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(PREFIX + ".enabled", "true");
        properties.put(PREFIX + ".key-store", authority.keyStore("node-a").toString());
        properties.put(PREFIX + ".key-store-password", TestCertificates.PASSWORD);
        properties.put(PREFIX + ".trust-store", authority.trustStore().toString());
        properties.put(PREFIX + ".trust-store-password", TestCertificates.PASSWORD);
        return properties;
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
