package dev.numgen.server.devissuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.server.testing.DevIssuerClient;
import java.net.InetAddress;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoders;

/** The development issuer on its own, without the main application around it. */
class DevIssuerTest {

    private static DevIssuer devIssuer;

    @BeforeAll
    static void start() {
        devIssuer = DevIssuer.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterAll
    static void stop() {
        devIssuer.close();
    }

    @Test
    void serverContextHoldsNoApplicationBeans() {
        ConfigurableApplicationContext server = devIssuer.serverContext();

        assertThat(server.getParent()).isNull();
        assertThat(Arrays.stream(server.getBeanDefinitionNames())
                        .map(server::getType)
                        .filter(type -> type != null)
                        .map(Class::getName)
                        .filter(type -> type.startsWith("dev.numgen.")))
                .containsExactly(DevIssuerServer.class.getName());
    }

    @Test
    void tokensVerifyAgainstThePublishedIssuerMetadataAndKeys() {
        String token = DevIssuerClient.token(devIssuer.port(), "prefix-configs:write");

        // What an external resource server would do: discover the JWK set from the issuer URI, check issuer and
        // signature over HTTP.
        Jwt jwt = JwtDecoders.fromIssuerLocation(devIssuer.issuerUri()).decode(token);

        assertThat(jwt.getIssuer()).hasToString(devIssuer.issuerUri());
        assertThat(jwt.getClaimAsStringList("scope")).containsExactly("prefix-configs:write");
    }

    @Test
    void scopeOutsideTheRegisteredClientsIsRefused() {
        assertThatThrownBy(() -> DevIssuerClient.token(devIssuer.port(), "numbers:everything"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("invalid_scope");
    }

    @Test
    void closingStopsTheServer() {
        DevIssuer second = DevIssuer.start(InetAddress.getLoopbackAddress(), 0);
        assertThat(DevIssuerClient.token(second.port(), "numbers:generate")).isNotBlank();

        second.close();

        assertThat(second.serverContext().isActive()).isFalse();
        assertThatThrownBy(() -> DevIssuerClient.token(second.port(), "numbers:generate"))
                .hasMessageContaining("unreachable");
    }
}
