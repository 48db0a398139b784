package dev.numgen.ignite.node;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.ssl.SslContextFactory;
import org.junit.jupiter.api.Test;

class NodeSafetyTest {

    @Test
    void peerClassLoadingWithoutTlsIsRefusedWithTheReasonAndTheFix() {
        IgniteConfiguration configuration =
                new IgniteConfiguration().setIgniteInstanceName("n1").setPeerClassLoadingEnabled(true);
        assertThatThrownBy(() -> NodeSafety.check(configuration))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Node n1 refuses to start")
                .hasMessageContaining("peer class loading is on but cluster TLS is off")
                .hasMessageContaining("numgen.ignite.tls.enabled=true")
                .hasMessageContaining("numgen.ignite.peer-class-loading=false");
    }

    @Test
    void peerClassLoadingWithTlsCheckingPeersAgainstATrustStorePasses() {
        SslContextFactory factory = new SslContextFactory();
        factory.setTrustStoreFilePath("/etc/numgen/tls/trust.p12");
        IgniteConfiguration configuration =
                new IgniteConfiguration().setPeerClassLoadingEnabled(true).setSslContextFactory(factory);
        assertThatCode(() -> NodeSafety.check(configuration)).doesNotThrowAnyException();
    }

    @Test
    void peerClassLoadingWithTlsThatTrustsAnyoneIsRefused() {
        SslContextFactory factory = new SslContextFactory();
        factory.setTrustStoreFilePath("/etc/numgen/tls/trust.p12");
        factory.setTrustManagers(SslContextFactory.getDisabledTrustManager());
        IgniteConfiguration configuration = new IgniteConfiguration()
                .setIgniteInstanceName("n2")
                .setPeerClassLoadingEnabled(true)
                .setSslContextFactory(factory);
        assertThatThrownBy(() -> NodeSafety.check(configuration))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Node n2 refuses to start");
    }

    @Test
    void noPeerClassLoadingNeedsNoTls() {
        IgniteConfiguration configuration = new IgniteConfiguration().setPeerClassLoadingEnabled(false);
        assertThatCode(() -> NodeSafety.check(configuration)).doesNotThrowAnyException();
    }
}
