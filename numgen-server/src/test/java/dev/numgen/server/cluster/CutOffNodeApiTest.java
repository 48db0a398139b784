package dev.numgen.server.cluster;

import static dev.numgen.rule.RuleDefinitions.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.ignite.cluster.ClusterMajority;
import dev.numgen.ignite.testing.TestNodes;
import dev.numgen.ignite.testing.TestNodes.ClusterLayout;
import dev.numgen.ignite.testing.TestNodes.TestNode;
import dev.numgen.provisional.ProvisionalJournal;
import dev.numgen.rule.RuleDefinition;
import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.DevIssuerClient;
import dev.numgen.server.testing.HttpReply;
import dev.numgen.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A node cut off from the majority for real: the service's node shares a two-node baseline with a plain Ignite node,
 * and each test stops that partner (1 of 2 is no majority); the next test starts it again, so each begins in the
 * majority. Cut off, the node refuses what needs the cluster (SNOWFLAKE, Idempotency-Keys, baseline changes), fails
 * liveness after {@code numgen.ignite.cut-off-timeout}, and its meters say so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@ContextConfiguration(initializers = CutOffNodeApiTest.TwoNodeBaseline.class)
@DirtiesContext
class CutOffNodeApiTest {

    static final Duration CUT_OFF_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Node 0 of a three-node layout, activated only once node 1 is in too, so the two form the baseline; the tests
     * start and stop node 1, and node 2 only ever joins as a server outside the baseline.
     */
    static final class TwoNodeBaseline implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            ClusterLayout layout;
            try {
                layout = ClusterLayout.of(Files.createTempDirectory("numgen-cut-off-"), 3);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, Object> properties = new HashMap<>(layout.nodeProperties(0));
            properties.put("numgen.security.dev-issuer.port", 0);
            properties.put("numgen.ignite.initial-baseline-size", 2);
            properties.put("numgen.ignite.cut-off-timeout", CUT_OFF_TIMEOUT.toMillis() + "ms");
            properties.put("numgen.provisional.sync-interval", "200ms");
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("two-node-baseline", properties));
            context.getBeanFactory().registerSingleton("twoNodeLayout", layout);
        }
    }

    /** Node 1, the other baseline node, while it runs; shared by the tests of the class, like the context. */
    private static TestNode partner;

    @LocalServerPort
    int port;

    @Autowired
    DevIssuer issuer;

    @Autowired
    ClusterLayout layout;

    @Autowired
    ClusterMajority majority;

    @Autowired
    ProvisionalJournal journal;

    private ApiClient api;
    private String generator;
    private String admin;

    @BeforeEach
    void inTheMajority() {
        if (partner == null) {
            partner = TestNodes.start(layout, 1, 2);
        }
        Await.until(Duration.ofSeconds(60), "in the majority of the two-node baseline", majority::inMajority);
        api = new ApiClient(port);
        generator = DevIssuerClient.token(issuer.port(), "numbers:generate");
        admin = DevIssuerClient.token(issuer.port(), "numbers:admin");
    }

    @AfterAll
    static void stopPartner() {
        if (partner != null) {
            partner.close();
            partner = null;
        }
    }

    @Test
    void snowflakeRulesAre503NoMajorityWhileCutOff() {
        register("CONA-FLAKE", rule("CF-{seq}").strategy("SNOWFLAKE").build());

        cutOff();
        HttpReply refused = api.get("/api/numbers?prefixKey=CONA-FLAKE", generator);
        assertUnavailable(refused);
        assertThat(refused.json().path("type").asString()).isEqualTo("/problems/no-majority");
    }

    @Test
    void idempotencyKeyRequestsAre503AndIssueNothingWhileCutOff() {
        register("CONA-KEYED", rule("CK-{seq}").build());
        int journalled = journal.unsynced().size();

        cutOff();
        // SEGMENT issues provisional numbers when cut off, but not for a key, which is claimed in the cluster first.
        assertUnavailable(
                api.getWithHeaders("/api/numbers?prefixKey=CONA-KEYED", generator, "Idempotency-Key", "cona-1"));
        assertThat(journal.unsynced()).as("provisional numbers issued").hasSize(journalled);

        rejoin();
        // Nothing was claimed for the key while cut off: back in the majority it issues, regularly.
        HttpReply afterwards =
                api.getWithHeaders("/api/numbers?prefixKey=CONA-KEYED", generator, "Idempotency-Key", "cona-1");
        assertThat(afterwards.numbers()).containsExactly("CK-1");
        assertThat(afterwards.header("Numgen-Mode")).isEqualTo("NORMAL");
    }

    @Test
    void idempotencyKeyRequestsAreAnsweredNoMajorityWhileCutOff() {
        register("CONA-KEYED-TYPE", rule("CT-{seq}").build());
        int journalled = journal.unsynced().size();

        cutOff();
        HttpReply refused =
                api.getWithHeaders("/api/numbers?prefixKey=CONA-KEYED-TYPE", generator, "Idempotency-Key", "cona-2");
        assertUnavailable(refused);
        assertThat(refused.json().path("type").asString()).isEqualTo("/problems/no-majority");
        assertThat(journal.unsynced()).as("provisional numbers issued").hasSize(journalled);
    }

    @Test
    void livenessFailsOnceCutOffForLongerThanTheTimeout() {
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);

        long cut = System.nanoTime();
        cutOff();
        HttpReply readiness = api.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.json().path("status").asString()).isEqualTo("OUT_OF_SERVICE");

        HttpReply liveness = Await.until(
                CUT_OFF_TIMEOUT.plusSeconds(30),
                "liveness to fail",
                () -> api.get("/actuator/health/liveness", null),
                reply -> reply.status() != 200);
        Duration cutOffFor = Duration.ofNanos(System.nanoTime() - cut);
        assertThat(liveness.status()).isEqualTo(503);
        assertThat(liveness.json().path("status").asString()).isEqualTo("DOWN");
        // The node noticed no earlier than the cut, so liveness cannot fail before the timeout has passed since then.
        assertThat(cutOffFor).isGreaterThanOrEqualTo(CUT_OFF_TIMEOUT);
    }

    @Test
    void baselineCannotBeChangedFromTheMinority() {
        String self = api.get("/api/cluster", admin)
                .expect(200)
                .json()
                .path("localNode")
                .asString();
        String other = partner.ignite().cluster().localNode().consistentId().toString();
        String both = "{\"consistentIds\":[\"" + self + "\",\"" + other + "\"]}";
        assertThat(api.put("/api/cluster/baseline", admin, both).status()).isEqualTo(200);

        cutOff();
        // Exactly the server nodes online now, which a node in the majority would accept.
        HttpReply refused = api.put("/api/cluster/baseline", admin, "{\"consistentIds\":[\"" + self + "\"]}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asString()).isEqualTo("/problems/baseline-change-refused");
        assertThat(refused.json().path("status").asInt()).isEqualTo(409);

        HttpReply cluster = api.get("/api/cluster", admin).expect(200);
        assertThat(cluster.json().path("inMajority").asBoolean()).isFalse();
        assertThat(cluster.json().path("serverNodes").toString()).isEqualTo("[\"" + self + "\"]");
        assertThat(cluster.json().path("baseline").findValuesAsString("consistentId"))
                .containsExactlyInAnyOrder(self, other);
    }

    @Test
    void clusterAndProvisionalMetersFollowTheCutOff() {
        register("CONA-METERED", rule("CM-{seq}").build());
        assertMeters(Map.of(
                "numgen_cluster_majority", 1.0,
                "numgen_cluster_server_nodes", 2.0,
                "numgen_cluster_baseline_nodes", 2.0,
                "numgen_cluster_baseline_present", 2.0,
                "numgen_provisional_unsynced", 0.0));

        cutOff();
        HttpReply provisional = api.get("/api/numbers?prefixKey=CONA-METERED&count=3", generator);
        assertThat(provisional.numbers()).hasSize(3);
        assertThat(provisional.header("Numgen-Mode")).isEqualTo("PROVISIONAL");
        // A server node outside the baseline counts among the server nodes, not towards the baseline.
        try (TestNode stranger = TestNodes.start(layout, 2, 2)) {
            awaitMeter("numgen_cluster_server_nodes", 2.0, Duration.ofSeconds(30));
            assertMeters(Map.of(
                    "numgen_cluster_majority", 0.0,
                    "numgen_cluster_baseline_nodes", 2.0,
                    "numgen_cluster_baseline_present", 1.0,
                    "numgen_provisional_unsynced", 3.0,
                    "numgen_numbers_issued_total{mode=\"PROVISIONAL\",prefix=\"CONA-METERED\"}", 3.0));
        }
        awaitMeter("numgen_cluster_server_nodes", 1.0, Duration.ofSeconds(30));

        rejoin();
        // Synced every 200 ms here; the pending count is refreshed every 30 s.
        awaitMeter("numgen_provisional_unsynced", 0.0, Duration.ofSeconds(30));
        awaitMeter("numgen_provisional_pending", 3.0, Duration.ofSeconds(60));
        assertMeters(Map.of("numgen_cluster_majority", 1.0, "numgen_cluster_baseline_present", 2.0));
    }

    private void cutOff() {
        partner.close();
        partner = null;
        Await.until(Duration.ofSeconds(30), "out of the majority", () -> !majority.inMajority());
    }

    private void rejoin() {
        partner = TestNodes.start(layout, 1, 2);
        Await.until(Duration.ofSeconds(60), "back in the majority", majority::inMajority);
    }

    private void register(String key, RuleDefinition rule) {
        String writer = DevIssuerClient.token(issuer.port(), "prefix-configs:write");
        assertThat(api.putRule(key, writer, rule).status()).isEqualTo(201);
    }

    /** 503 with Retry-After, a problem and no numbers. */
    private static void assertUnavailable(HttpReply reply) {
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("status").asInt()).isEqualTo(503);
        assertThat(Long.parseLong(reply.header("Retry-After"))).isPositive();
        assertThat(reply.json().has("numbers")).isFalse();
    }

    private void assertMeters(Map<String, Double> expected) {
        String scrape = scrape();
        expected.forEach(
                (series, value) -> assertThat(meter(scrape, series)).as(series).isEqualTo(value));
    }

    private void awaitMeter(String series, double value, Duration within) {
        Await.until(within, series + " = " + value, () -> meter(scrape(), series), seen -> seen == value);
    }

    private String scrape() {
        HttpReply reply = api.get("/actuator/prometheus", admin, "text/plain");
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    /** The value of one series in a Prometheus scrape, e.g. {@code numgen_cluster_majority} or a name with labels. */
    private static double meter(String scrape, String series) {
        return scrape.lines()
                .filter(line -> line.startsWith(series + " "))
                .map(line ->
                        Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no series " + series + " in the scrape"));
    }
}
