package dev.numgen.client;

import static dev.numgen.rule.RuleDefinitions.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.numgen.ignite.testing.TestNodes;
import dev.numgen.ignite.testing.TestNodes.ClusterLayout;
import dev.numgen.ignite.testing.TestNodes.TestNode;
import dev.numgen.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A client whose cluster goes away: SEGMENT serves the block it holds and then fails with the clear exception, GAPLESS
 * and SNOWFLAKE fail at once, and once the server is back the client has reconnected by itself and issues again, with
 * the rules as they are now. A client that finds another cluster where its own was issues nothing more.
 */
class ClientReconnectTest {

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger connectionLog = (Logger) LoggerFactory.getLogger(ClusterConnection.class);
    private Path workRoot;
    private TestNode server;
    private NumberClient client;

    @AfterEach
    void stop() throws Exception {
        connectionLog.detachAppender(log);
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        TestFiles.delete(workRoot);
    }

    @Test
    void aDisconnectedClientServesItsHeldBlockThenFailsClearlyAndReconnectsByItself() throws Exception {
        log.start();
        connectionLog.addAppender(log);
        workRoot = Files.createTempDirectory("numgen-client-reconnect-");
        ClusterLayout layout = ClusterLayout.of(workRoot, 1);
        server = TestNodes.start(layout, 0, 1);
        try (ServerSide side = new ServerSide(server)) {
            side.register("ORDER", rule("ORD-{seq:8}").reserveSize(20).build());
            side.register("INVOICE", rule("INV-{seq:8}").strategy("GAPLESS").build());
            side.register("EVENT", rule("E{seq}").strategy("SNOWFLAKE").build());
        }
        client = startClient(layout, "reconnecting-client");
        List<String> orders = new ArrayList<>(List.of(client.issue("ORDER")));
        String invoice = client.issue("INVOICE");
        client.issue("EVENT");

        server.close();
        server = null;
        Await.until("the client to notice that it lost the cluster", () -> !client.connected());

        assertThatThrownBy(() -> client.issue("INVOICE"))
                .isInstanceOf(ClusterUnavailableException.class)
                .hasMessageContaining("numgen client reconnecting-client is not connected to the cluster (since ")
                .hasMessageContaining("reconnects by itself");
        assertThatThrownBy(() -> client.issue("EVENT")).isInstanceOf(ClusterUnavailableException.class);
        List<String> whileDisconnected = new ArrayList<>();
        ClusterUnavailableException spent = null;
        for (int i = 0; i < 10_000 && spent == null; i++) {
            try {
                whileDisconnected.add(client.issue("ORDER"));
            } catch (ClusterUnavailableException e) {
                spent = e;
            }
        }
        // The rest of the one block held (20 values, one issued), and then the clear failure.
        assertThat(whileDisconnected).hasSize(19);
        assertThat(spent).isNotNull().hasMessageContaining("it served what it held of SEGMENT blocks");
        orders.addAll(whileDisconnected);

        server = TestNodes.start(layout, 0, 1);
        String afterwards = Await.until(
                "the client to issue again once it has reconnected", () -> issuedOrNull("ORDER"), Objects::nonNull);

        assertThat(client.connected()).isTrue();
        assertThat(orders).doesNotContain(afterwards);
        assertThat(afterwards).isGreaterThan(orders.get(orders.size() - 1));
        assertThat(new HashSet<>(orders)).hasSize(orders.size());
        assertThat(client.issue("INVOICE")).isGreaterThan(invoice);
        assertThat(client.issue("EVENT")).matches("E\\d+");
        assertThat(log.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.contains("reconnecting-client is disconnected from the cluster"))
                .anyMatch(line -> line.contains("reconnecting-client reconnected to the cluster after"));
    }

    @Test
    void aReconnectedClientIssuesWithTheRulesChangedWhileItWasAwayAndAfterwards() throws Exception {
        workRoot = Files.createTempDirectory("numgen-client-rules-");
        ClusterLayout layout = ClusterLayout.of(workRoot, 1);
        server = TestNodes.start(layout, 0, 1);
        registerOrder("A-{seq:8}");
        client = startClient(layout, "rule-client");
        assertThat(client.issue("ORDER")).startsWith("A-");
        registerOrder("B-{seq:8}");
        Await.until(
                "the client to see a change made while it is connected",
                () -> client.issue("ORDER").startsWith("B-"));

        server.close();
        server = null;
        Await.until("the client to notice that it lost the cluster", () -> !client.connected());
        server = TestNodes.start(layout, 0, 1);
        // The whole cluster restarted, and the rule changed before the client rejoined.
        registerOrder("C-{seq:8}");
        Await.until("the client to reconnect", () -> client.connected());

        assertThat(client.issue("ORDER")).as("after the reconnect").startsWith("C-");
        registerOrder("D-{seq:8}");
        Await.until(
                "the client to see a change made after it reconnected",
                () -> client.issue("ORDER").startsWith("D-"));
    }

    @Test
    void aClientThatReconnectsToAnotherClusterIssuesNothingMoreNotEvenFromItsHeldBlock() throws Exception {
        log.start();
        connectionLog.addAppender(log);
        workRoot = Files.createTempDirectory("numgen-client-replaced-");
        ClusterLayout layout = ClusterLayout.of(workRoot, 1);
        server = TestNodes.start(layout, 0, 1);
        registerOrder("ORD-{seq:8}");
        client = startClient(layout, "stranded-client");
        assertThat(client.issue("ORDER")).isEqualTo("ORD-00000001");

        server.close();
        server = null;
        Await.until("the client to notice that it lost the cluster", () -> !client.connected());
        // Wiped and created again on the same address: it will issue ORD-00000002 and on, which the client holds.
        server = TestNodes.start(
                layout,
                0,
                1,
                Map.of("numgen.ignite.work-dir", workRoot.resolve("wiped").toString()));
        registerOrder("ORD-{seq:8}");
        Await.until(
                "the client to find that it reconnected to another cluster",
                () -> log.list.stream()
                        .anyMatch(line -> line.getFormattedMessage().contains("reconnected to ANOTHER cluster")));

        assertThatThrownBy(() -> client.issue("ORDER"))
                .isInstanceOf(ClusterUnavailableException.class)
                .hasMessageContaining("reconnected to another cluster");
    }

    private void registerOrder(String format) {
        try (ServerSide side = new ServerSide(server)) {
            side.register("ORDER", rule(format).reserveSize(20).build());
        }
    }

    private NumberClient startClient(ClusterLayout layout, String name) {
        return NumberClient.start(NumberClientSettings.builder()
                .discoveryAddresses(layout.discoveryAddresses())
                .nodeName(name)
                .withoutTls()
                .localHost("127.0.0.1")
                .communicationPort(TestNodes.freePorts(1).get(0))
                .portRange(0)
                .workDirectory(workRoot.resolve("client"))
                .failureDetectionTimeout(Duration.ofSeconds(5))
                .build());
    }

    private String issuedOrNull(String prefixKey) {
        try {
            return client.issue(prefixKey);
        } catch (ClusterUnavailableException e) {
            return null;
        }
    }
}
