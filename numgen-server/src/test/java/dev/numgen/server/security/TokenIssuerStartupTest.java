package dev.numgen.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.server.NumgenApplication;
import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.DevIssuerClient;
import dev.numgen.server.testing.IsolatedNodeInitializer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the real application in each test, because what is under test is whether (and how) it starts. */
@ExtendWith(OutputCaptureExtension.class)
class TokenIssuerStartupTest {

    private static final String EXTERNAL_ISSUER =
            "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://sso.example.invalid/realms/numgen";

    @Test
    void devIssuerOutsideLocalProfileRefusesToStart() {
        assertThatThrownBy(() -> run("kubernetes", "numgen.security.dev-issuer.enabled=true", EXTERNAL_ISSUER))
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("numgen.security.dev-issuer.enabled")
                .hasMessageContaining("only with the 'local' profile");
    }

    @Test
    void missingIssuerOutsideLocalProfileRefusesToStart() {
        assertThatThrownBy(() -> run("kubernetes"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No token issuer is configured");
    }

    @Test
    void localProfileLogsIssuerAndClientIdButNeitherSecretNorTokens(CapturedOutput output) throws Exception {
        String token;
        try (ConfigurableApplicationContext context = run(
                "local",
                "numgen.security.dev-issuer.port=0",
                "logging.level.org.springframework.security=DEBUG",
                "logging.level.org.apache.tomcat=DEBUG")) {
            DevIssuer devIssuer = context.getBean(DevIssuer.class);
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            token = DevIssuerClient.token(devIssuer.port(), "prefix-configs:read");
            assertThat(get(port, token)).isEqualTo(404);
            assertThat(get(port, token + "x")).isEqualTo(401);
            assertThat(output).contains("Development token issuer " + devIssuer.issuerUri(), "numgen-local");
        }
        String[] payloadAndSignature = token.substring(token.indexOf('.') + 1).split("\\.");
        assertThat(output.getAll())
                .doesNotContain(DevIssuer.CLIENT_SECRET)
                .doesNotContain(payloadAndSignature[0])
                .doesNotContain(payloadAndSignature[1])
                .doesNotContain("Basic ");
    }

    /** Properties go in as command-line arguments so that they outrank application-{profile}.yml. */
    private static ConfigurableApplicationContext run(String profile, String... properties) {
        Stream<String> arguments = Stream.concat(
                Stream.of("spring.profiles.active=" + profile, "server.port=0", "spring.main.banner-mode=off"),
                Stream.of(properties));
        return new SpringApplicationBuilder(NumgenApplication.class)
                .initializers(new IsolatedNodeInitializer())
                .run(arguments.map(property -> "--" + property).toArray(String[]::new));
    }

    private static int get(int port, String token) {
        return new ApiClient(port)
                .get("/api/prefix-configs/NOT-REGISTERED", token)
                .status();
    }
}
