package dev.numgen.server.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.ignite.testing.TestNodes;
import dev.numgen.server.NumgenApplication;
import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.DevIssuerClient;
import dev.numgen.server.testing.NodeProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node started again from its data continues every counter above the highest value it issued before: SEGMENT and a
 * daily counter above it (skipping what the node had reserved), GAPLESS with the very next value. After a graceful
 * stop, and after a {@code kill -9} of the node's JVM, which gives it no chance to write anything more.
 */
class RestartContinuityTest {

    private static final String[] SCOPES = {"numbers:generate", "prefix-configs:write", "prefix-configs:read"};

    @TempDir
    Path workRoot;

    /** What a node issued per rule, in the order it issued them. */
    record Issued(List<Long> segment, List<String> daily, List<Long> gapless) {}

    /** The API of one running node and a token for it. */
    record Client(ApiClient api, String token) {

        void register(String prefixKey, String json) {
            assertThat(api.put("/api/prefix-configs/" + prefixKey, token, json).status())
                    .isEqualTo(201);
        }

        List<String> issue(String prefixKey, int count) {
            var reply = api.get("/api/numbers?prefixKey=" + prefixKey + "&count=" + count, token);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            List<String> numbers = new ArrayList<>();
            reply.json().path("numbers").forEach(number -> numbers.add(number.asString()));
            return numbers;
        }
    }

    @Test
    void restartedNodeContinuesEveryCounterAboveWhatItIssued() {
        Map<String, Object> properties = nodeProperties(0, 0);
        Issued before;
        try (ConfigurableApplicationContext node = start(properties)) {
            Client client = inProcess(node);
            registerRules(client);
            before = issueEach(client);
        }

        try (ConfigurableApplicationContext node = start(properties)) {
            Client client = inProcess(node);
            continuesAbove(before, issueEach(client));
            assertThat(client.api()
                            .get("/api/prefix-configs/KEEP", client.token())
                            .json()
                            .path("version")
                            .asLong())
                    .isEqualTo(1);
        }
    }

    @Test
    void nodeKilledWithoutShutdownIssuesNoValueTwiceAndSkipsNoGaplessValue() {
        List<Integer> ports = TestNodes.freePorts(2);
        Map<String, Object> properties = nodeProperties(ports.get(0), ports.get(1));
        Issued before;
        try (NodeProcess node = NodeProcess.start(properties, workRoot.resolve("killed-node.log"))) {
            Client client = new Client(node.api(), DevIssuerClient.token(ports.get(1), SCOPES));
            registerRules(client);
            before = issueEach(client);
            node.kill();
        }

        try (ConfigurableApplicationContext node = start(properties)) {
            continuesAbove(before, issueEach(inProcess(node)));
        }
    }

    private static void registerRules(Client client) {
        client.register("KEEP", "{\"format\":\"K-{seq}\",\"reserveSize\":10}");
        client.register("DAY", "{\"format\":\"D-{yyyy}{MM}{dd}-{seq}\",\"reset\":\"DAILY\"}");
        client.register("BILL", "{\"format\":\"B-{seq}\",\"strategy\":\"GAPLESS\"}");
    }

    /** Numbers of each rule: SEGMENT across several reservations, GAPLESS in several requests. */
    private static Issued issueEach(Client client) {
        List<Long> segment = values(client.issue("KEEP", 25));
        List<String> daily = client.issue("DAY", 3);
        List<Long> gapless = new ArrayList<>();
        for (int request = 0; request < 3; request++) {
            gapless.addAll(values(client.issue("BILL", 2)));
        }
        return new Issued(segment, daily, gapless);
    }

    private static void continuesAbove(Issued before, Issued after) {
        long segmentBefore = Collections.max(before.segment());
        assertThat(after.segment())
                .as("SEGMENT after the restart, highest before %d", segmentBefore)
                .allSatisfy(value -> assertThat(value).isGreaterThan(segmentBefore));

        assertThat(after.daily()).doesNotContainAnyElementsOf(before.daily());
        // On the same day as before the restart, the daily counter continues above what it issued that day.
        for (String number : after.daily()) {
            String day = number.substring(0, number.lastIndexOf('-') + 1);
            List<Long> sameDay = values(before.daily().stream()
                    .filter(earlier -> earlier.startsWith(day))
                    .toList());
            if (!sameDay.isEmpty()) {
                assertThat(value(number)).isGreaterThan(Collections.max(sameDay));
            }
        }

        long gaplessBefore = Collections.max(before.gapless());
        assertThat(after.gapless())
                .as("GAPLESS after the restart, highest before %d", gaplessBefore)
                .isEqualTo(LongStream.rangeClosed(
                                gaplessBefore + 1,
                                gaplessBefore + after.gapless().size())
                        .boxed()
                        .toList());
    }

    /** Node 0 of a one-node layout in this test's directory; port 0 for any free one. */
    private Map<String, Object> nodeProperties(int serverPort, int issuerPort) {
        Map<String, Object> properties =
                new HashMap<>(TestNodes.ClusterLayout.of(workRoot, 1).nodeProperties(0));
        properties.put("server.port", serverPort);
        properties.put("numgen.security.dev-issuer.port", issuerPort);
        return properties;
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        // As command-line arguments, so they outrank application.yml like an operator's would.
        return new SpringApplicationBuilder(NumgenApplication.class)
                .profiles("local")
                .run(properties.entrySet().stream()
                        .map(property -> "--" + property.getKey() + "=" + property.getValue())
                        .toArray(String[]::new));
    }

    private static Client inProcess(ConfigurableApplicationContext node) {
        return new Client(
                new ApiClient(
                        ((WebServerApplicationContext) node).getWebServer().getPort()),
                DevIssuerClient.token(node.getBean(DevIssuer.class).port(), SCOPES));
    }

    private static List<Long> values(List<String> numbers) {
        return numbers.stream().map(RestartContinuityTest::value).toList();
    }

    private static long value(String number) {
        return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
    }
}
