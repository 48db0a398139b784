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
    void peerClassLoadingWithTlsPasses() {
        IgniteConfiguration configuration = new IgniteConfiguration()
                .setPeerClassLoadingEnabled(true)
                .setSslContextFactory(new SslContextFactory());
        assertThatCode(() -> NodeSafety.check(configuration)).doesNotThrowAnyException();
    }

    @Test
    void noPeerClassLoadingNeedsNoTls() {
        IgniteConfiguration configuration = new IgniteConfiguration().setPeerClassLoadingEnabled(false);
        assertThatCode(() -> NodeSafety.check(configuration)).doesNotThrowAnyException();
    }
}
