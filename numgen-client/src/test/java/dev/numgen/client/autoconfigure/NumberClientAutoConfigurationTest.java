package dev.numgen.client.autoconfigure;

import static dev.numgen.rule.RuleDefinitions.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.client.NumberClient;
import dev.numgen.ignite.rule.IgniteRuleRegistry;
import dev.numgen.ignite.sequence.IgniteIssuedValues;
import dev.numgen.ignite.testing.TestNodes;
import dev.numgen.ignite.testing.TestNodes.ClusterLayout;
import dev.numgen.ignite.testing.TestNodes.TestNode;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.RuleRegistrar;
import dev.numgen.rule.RuleValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apache.ignite.Ignition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** An application with the starter's auto-configuration gets a working NumberClient from numgen.client.*. */
class NumberClientAutoConfigurationTest {

    private static Path workRoot;
    private static ClusterLayout layout;
    private static TestNode server;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(NumberClientAutoConfiguration.class));

    @BeforeAll
    static void startServer() throws IOException {
        workRoot = Files.createTempDirectory("numgen-client-context-");
        layout = ClusterLayout.of(workRoot, 1);
        server = TestNodes.start(layout, 0, 1);
        new RuleRegistrar(
                        new IgniteRuleRegistry(server.store()),
                        new IgniteIssuedValues(server.store()),
                        new RuleValidator(),
                        Clock.systemUTC())
                .register(new PrefixKey("ORDER"), rule("ORD-{seq:6}").build(), OptionalLong.empty(), "test");
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
        try (Stream<Path> files = Files.walk(workRoot)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    void theContextGetsAWorkingNumberClientAndClosesItWithItself() {
        runner.withPropertyValues(
                        "spring.application.name=order-app",
                        "numgen.client.discovery-addresses=" + layout.discoveryAddresses(),
                        "numgen.client.tls.enabled=false",
                        "numgen.client.local-host=127.0.0.1",
                        "numgen.client.communication-port="
                                + TestNodes.freePorts(1).get(0),
                        "numgen.client.port-range=0",
                        "numgen.client.work-dir=" + workRoot.resolve("order-app"))
                .run(context -> {
                    assertThat(context).hasSingleBean(NumberClient.class);
                    NumberClient client = context.getBean(NumberClient.class);
                    assertThat(client.settings().nodeName()).isEqualTo("order-app");
                    assertThat(client.settings().caller()).isEqualTo("client:order-app");
                    assertThat(client.issue("ORDER")).matches("ORD-\\d{6}");
                });
        assertThat(Ignition.allGrids()).noneMatch(ignite -> "order-app".equals(ignite.name()));
    }

    @Test
    void withoutTlsSettingsTheContextFailsSayingWhy() {
        runner.withPropertyValues(
                        "numgen.client.node-name=plain-app",
                        "numgen.client.discovery-addresses=" + layout.discoveryAddresses())
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("plain-app refuses to start without cluster TLS")
                            .hasMessageContaining("numgen.client.tls.key-store");
                });
    }

    @Test
    void aMissingTlsSettingIsNamedByItsProperty() {
        runner.withPropertyValues(
                        "numgen.client.node-name=half-app",
                        "numgen.client.discovery-addresses=" + layout.discoveryAddresses(),
                        "numgen.client.tls.key-store=" + workRoot.resolve("absent.p12"))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("numgen.client.tls.key-store-password must be set");
                });
    }
}
