package dev.numgen.server.provisional;

import static dev.numgen.rule.RuleDefinitions.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.ignite.cluster.ClusterMajority;
import dev.numgen.rule.RuleDefinition;
import dev.numgen.sequence.ClusterStanding;
import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.DevIssuerClient;
import dev.numgen.server.testing.HttpReply;
import dev.numgen.server.testing.LocalNodeTest;
import dev.numgen.testing.Await;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/provisional-numbers}: oldest first, filtered by prefix and status, at most {@code limit} (1..1000,
 * default 100). The numbers are issued while the issuer's standing is switched off, then synced once it is back.
 */
@LocalNodeTest
@DirtiesContext
@TestPropertySource(properties = "numgen.provisional.sync-interval=200ms")
class ProvisionalListApiTest {

    /** The node's real standing, unless the test has cut it off. */
    @TestConfiguration
    static class CutOffSwitch {
        static final AtomicBoolean cutOff = new AtomicBoolean();

        @Bean
        @Primary
        ClusterStanding switchableStanding(ClusterMajority real) {
            return () -> !cutOff.get() && real.inMajority();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    DevIssuer issuer;

    @Autowired
    Clock clock;

    private ApiClient api;
    private String generator;
    private String admin;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        generator = DevIssuerClient.token(issuer.port(), "numbers:generate");
        admin = DevIssuerClient.token(issuer.port(), "numbers:admin");
    }

    @Test
    void listsOldestFirstAndFiltersByPrefix() {
        register("PLA-ONE", rule("L1-{seq}").build());
        register("PLA-TWO", rule("L2-{seq}").build());
        List<String> issued = new ArrayList<>();
        CutOffSwitch.cutOff.set(true);
        try {
            // Alternating, each in its own millisecond: oldest first is then exactly this order.
            for (String key : List.of("PLA-TWO", "PLA-ONE", "PLA-TWO", "PLA-ONE")) {
                issued.addAll(provisional(key, 1));
                awaitNextMillisecond();
            }
        } finally {
            CutOffSwitch.cutOff.set(false);
        }
        awaitSynced("PLA-ONE", 2);
        awaitSynced("PLA-TWO", 2);

        assertThat(numbers(list("prefixKey=PLA-ONE"))).containsExactly(issued.get(1), issued.get(3));
        assertThat(numbers(list("prefixKey=PLA-TWO"))).containsExactly(issued.get(0), issued.get(2));
        JsonNode all = list("limit=1000");
        assertThat(numbers(all).stream().filter(issued::contains)).containsExactlyElementsOf(issued);
        List<Instant> issuedAt = new ArrayList<>();
        all.forEach(item -> issuedAt.add(Instant.parse(item.path("issuedAt").asString())));
        assertThat(issuedAt).isSorted();
    }

    @Test
    void filtersByStatus() {
        register("PLA-STATUS", rule("LS-{seq}").build());
        List<String> issued = cutOffAndIssue("PLA-STATUS", 3);
        awaitSynced("PLA-STATUS", 3);
        assertThat(resolve(issued.get(0), "CONFIRM").path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(resolve(issued.get(1), "REPLACE").path("status").asString()).isEqualTo("REPLACED");

        assertThat(numbers(list("prefixKey=PLA-STATUS&status=PENDING"))).containsExactly(issued.get(2));
        assertThat(numbers(list("prefixKey=PLA-STATUS&status=CONFIRMED"))).containsExactly(issued.get(0));
        JsonNode replaced = list("prefixKey=PLA-STATUS&status=REPLACED");
        assertThat(numbers(replaced)).containsExactly(issued.get(1));
        assertThat(replaced.get(0).path("replacement").asString()).matches("LS-\\d+");
        assertThat(numbers(list("prefixKey=PLA-STATUS"))).containsExactlyElementsOf(issued);
        for (JsonNode item : list("status=PENDING&limit=1000")) {
            assertThat(item.path("status").asString()).isEqualTo("PENDING");
        }

        assertInvalid("status=LOST", "status");
        assertInvalid("status=pending", "status");
    }

    @Test
    void limitBoundsTheListAndDefaultsToAHundred() {
        register("PLA-LIMIT", rule("LL-{seq}").build());
        List<String> issued = cutOffAndIssue("PLA-LIMIT", 101);
        awaitSynced("PLA-LIMIT", 101);

        assertThat(numbers(list("prefixKey=PLA-LIMIT"))).containsExactlyElementsOf(issued.subList(0, 100));
        assertThat(numbers(list("prefixKey=PLA-LIMIT&limit=1"))).containsExactly(issued.get(0));
        assertThat(numbers(list("prefixKey=PLA-LIMIT&limit=3"))).containsExactlyElementsOf(issued.subList(0, 3));
        assertThat(numbers(list("prefixKey=PLA-LIMIT&limit=1000"))).containsExactlyElementsOf(issued);

        for (String limit : List.of("0", "1001", "-1", "ten")) {
            assertInvalid("prefixKey=PLA-LIMIT&limit=" + limit, "limit");
        }
    }

    private List<String> cutOffAndIssue(String key, int count) {
        CutOffSwitch.cutOff.set(true);
        try {
            return provisional(key, count);
        } finally {
            CutOffSwitch.cutOff.set(false);
        }
    }

    private List<String> provisional(String key, int count) {
        HttpReply reply = api.get("/api/numbers?prefixKey=" + key + "&count=" + count, generator);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Numgen-Mode")).isEqualTo("PROVISIONAL");
        List<String> numbers = new ArrayList<>();
        reply.json().path("numbers").forEach(number -> numbers.add(number.asString()));
        return numbers;
    }

    private JsonNode list(String query) {
        HttpReply reply = api.get("/api/provisional-numbers?" + query, admin);
        assertThat(reply.status()).as(query).isEqualTo(200);
        return reply.json().path("items");
    }

    private static List<String> numbers(JsonNode items) {
        List<String> numbers = new ArrayList<>();
        items.forEach(item -> numbers.add(item.path("number").asString()));
        return numbers;
    }

    private JsonNode resolve(String number, String action) {
        HttpReply reply = api.post(
                "/api/provisional-numbers/" + number + "/resolution", admin, "{\"action\":\"" + action + "\"}");
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    private void assertInvalid(String query, String field) {
        HttpReply reply = api.get("/api/provisional-numbers?" + query, admin);
        assertThat(reply.status()).as(query).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asString()).isEqualTo("/problems/invalid-request");
        assertThat(reply.json().path("field").asString()).as(query).isEqualTo(field);
    }

    private void register(String key, RuleDefinition rule) {
        String writer = DevIssuerClient.token(issuer.port(), "prefix-configs:write");
        assertThat(api.putRule(key, writer, rule).status()).isEqualTo(201);
    }

    private void awaitSynced(String key, int count) {
        Await.until(
                count + " of " + key + " synced",
                () -> list("prefixKey=" + key + "&limit=1000"),
                items -> items.size() >= count);
    }

    /** The issuer reads this clock: a request after this returns is stamped later than every request before it. */
    private void awaitNextMillisecond() {
        long seen = clock.millis();
        Await.until("the clock to pass " + seen, () -> clock.millis() > seen);
    }
}
