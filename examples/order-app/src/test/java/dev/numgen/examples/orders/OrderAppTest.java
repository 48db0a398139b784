package dev.numgen.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.ignite.node.IgniteConfigurationLoader;
import dev.numgen.ignite.rule.IgniteRuleRegistry;
import dev.numgen.ignite.sequence.IgniteIssuedValues;
import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.RuleDefinition;
import dev.numgen.rule.RuleRegistrar;
import dev.numgen.rule.RuleValidator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
import org.apache.ignite.cluster.ClusterState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application's context against one numgen server node started in the test JVM (plain, on loopback: the only
 * place a client may run without TLS), with the ORDER rule registered as an operator would over the API.
 */
@SpringBootTest(properties = {"numgen.client.tls.enabled=false", "order-app.issue-on-start=0"})
class OrderAppTest {

    private static Path workDir;
    private static Ignite server;

    @DynamicPropertySource
    static void cluster(DynamicPropertyRegistry properties) throws IOException {
        int discoveryPort = freePort();
        workDir = Files.createTempDirectory("order-app-test-");
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "server",
                        Map.of(
                                "numgen.ignite.instance-name",
                                "order-app-test-server",
                                "numgen.ignite.consistent-id",
                                "order-app-test-server",
                                "numgen.ignite.work-dir",
                                workDir.resolve("server").toString(),
                                "numgen.ignite.discovery-port",
                                discoveryPort,
                                "numgen.ignite.discovery-addresses",
                                "127.0.0.1:" + discoveryPort,
                                "numgen.ignite.communication-port",
                                freePort(),
                                "numgen.ignite.port-range",
                                0)));
        server = Ignition.start(
                IgniteConfigurationLoader.load(new ClassPathResource("ignite-config/local-node.xml"), environment));
        server.cluster().state(ClusterState.ACTIVE);
        IgniteStore store = new IgniteStore(server, Duration.ofSeconds(30));
        new RuleRegistrar(
                        new IgniteRuleRegistry(store),
                        new IgniteIssuedValues(store),
                        new RuleValidator(),
                        Clock.systemUTC())
                .register(
                        new PrefixKey("ORDER"),
                        new RuleDefinition(
                                "ORD-{seq:6}", null, null, null, null, null, null, null, null, null, null, null),
                        OptionalLong.empty(),
                        "order-app-test");
        properties.add("numgen.client.discovery-addresses", () -> "127.0.0.1:" + discoveryPort);
        properties.add("numgen.client.communication-port", OrderAppTest::freePort);
        properties.add("numgen.client.port-range", () -> 0);
        properties.add("numgen.client.work-dir", () -> workDir.resolve("client").toString());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Autowired
    OrderNumbers orders;

    @Test
    void theApplicationTakesOrderNumbersFromTheCluster() {
        List<String> numbers = orders.next(3);

        assertThat(numbers).hasSize(3).allSatisfy(number -> assertThat(number).matches("ORD-\\d{6}"));
        assertThat(new HashSet<>(numbers)).hasSize(3);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
