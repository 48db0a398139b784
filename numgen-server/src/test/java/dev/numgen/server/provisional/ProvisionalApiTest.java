package dev.numgen.server.provisional;

import static dev.numgen.rule.RuleDefinitions.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.ignite.cluster.ClusterMajority;
import dev.numgen.sequence.ClusterStanding;
import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.DevIssuerClient;
import dev.numgen.server.testing.HttpReply;
import dev.numgen.server.testing.LocalNodeTest;
import dev.numgen.server.testing.TestNames;
import dev.numgen.testing.Await;
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
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Provisional numbers through the API on one node whose standing the test can take away: issuing them (G5), their
 * sync once the node is back, listing and resolving them. The real minority, with real partitions, is in
 * PartitionChaosIT.
 */
@LocalNodeTest
@TestPropertySource(properties = "numgen.provisional.sync-interval=200ms")
class ProvisionalApiTest {

    private static final TestNames NAMES = TestNames.of(ProvisionalApiTest.class);
    private static final String ORDER = NAMES.key("PORDER");
    private static final String INVOICE = NAMES.key("PINV");

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

    private ApiClient api;
    private String generator;
    private String admin;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        generator = DevIssuerClient.token(issuer.port(), "numbers:generate");
        admin = DevIssuerClient.token(issuer.port(), "numbers:admin");
        String writer = DevIssuerClient.token(issuer.port(), "prefix-configs:write");
        // Each test registers them again: 201 for the first, 200 (unchanged) after.
        assertThat(api.putRule(ORDER, writer, rule("PO-{yyyy}-{seq:6}").build()).status())
                .isIn(200, 201);
        assertThat(api.putRule(
                                INVOICE,
                                writer,
                                rule("PI-{seq:5}").strategy("GAPLESS").build())
                        .status())
                .isIn(200, 201);
    }

    private JsonNode pendingOnceSynced(int expected) {
        return Await.until(
                expected + " pending provisional numbers in the cluster's list",
                () -> {
                    HttpReply list = api.get("/api/provisional-numbers?prefixKey=" + ORDER + "&status=PENDING", admin);
                    assertThat(list.status()).isEqualTo(200);
                    return list.json().path("items");
                },
                items -> items.size() >= expected);
    }

    @Test
    void cutOffNodeIssuesProvisionalNumbersWhichAreSyncedListedAndResolved() {
        CutOffSwitch.cutOff.set(true);
        HttpReply provisional;
        HttpReply gapless;
        HttpReply listedWhileCutOff;
        try {
            provisional = api.get("/api/numbers?prefixKey=" + ORDER + "&count=2", generator);
            gapless = api.get("/api/numbers?prefixKey=" + INVOICE, generator);
            listedWhileCutOff = api.get("/api/provisional-numbers?prefixKey=" + ORDER, admin);
        } finally {
            CutOffSwitch.cutOff.set(false);
        }

        assertThat(provisional.status()).isEqualTo(200);
        assertThat(provisional.header("Numgen-Mode")).isEqualTo("PROVISIONAL");
        assertThat(provisional.json().path("mode").asString()).isEqualTo("PROVISIONAL");
        List<String> issued = provisional.numbers();
        assertThat(issued).hasSize(2).allMatch(number -> number.matches("PO-\\d{4}-~[A-Za-z0-9_-]+\\.[0-9A-Z]+~"));

        assertThat(gapless.status()).isEqualTo(503);
        assertThat(gapless.header("Retry-After")).isNotNull();
        assertThat(gapless.json().path("type").asString()).endsWith("/no-majority");

        assertThat(listedWhileCutOff.expect(200).json().path("items")).isEmpty();

        JsonNode pending = pendingOnceSynced(2);
        List<String> listed = new ArrayList<>();
        pending.forEach(item -> listed.add(item.path("number").asString()));
        assertThat(listed).containsExactlyElementsOf(issued);
        assertThat(pending.get(0).path("node").asString()).isNotBlank();
        assertThat(pending.get(0).path("issuedAt").asString()).isNotBlank();

        String confirmPath = "/api/provisional-numbers/" + issued.get(0) + "/resolution";
        HttpReply confirmed = api.post(confirmPath, admin, "{\"action\":\"CONFIRM\",\"note\":\"kept\"}");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().path("resolvedBy").asString()).isEqualTo("numgen-local");
        assertThat(confirmed.json().path("resolvedAt").asString()).isNotBlank();
        assertThat(confirmed.json().path("note").asString()).isEqualTo("kept");

        String replacePath = "/api/provisional-numbers/" + issued.get(1) + "/resolution";
        HttpReply replaced = api.post(replacePath, admin, "{\"action\":\"REPLACE\"}");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().path("status").asString()).isEqualTo("REPLACED");
        String replacement = replaced.json().path("replacement").asString();
        assertThat(replacement).matches("PO-\\d{4}-\\d{6}");

        // Asking again with the same decision answers the recorded one; another decision is refused.
        HttpReply again = api.post(replacePath, admin, "{\"action\":\"REPLACE\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("replacement").asString()).isEqualTo(replacement);
        assertThat(api.post(replacePath, admin, "{\"action\":\"CONFIRM\"}").status())
                .isEqualTo(409);

        assertThat(api.get("/api/provisional-numbers?prefixKey=" + ORDER + "&status=PENDING", admin)
                        .expect(200)
                        .json()
                        .path("items"))
                .isEmpty();
        assertThat(api.get("/api/provisional-numbers/" + issued.get(1), admin)
                        .expect(200)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("REPLACED");
    }

    @Test
    void badResolutionsAreProblemsAndChangeNothing() {
        assertThat(api.post("/api/provisional-numbers/PO-2026-~n.1~/resolution", admin, "{\"action\":\"CONFIRM\"}")
                        .status())
                .isEqualTo(404);
        HttpReply badAction =
                api.post("/api/provisional-numbers/PO-2026-~n.1~/resolution", admin, "{\"action\":\"KEEP\"}");
        assertThat(badAction.status()).isEqualTo(400);
        assertThat(badAction.json().path("field").asString()).isEqualTo("action");
        assertThat(api.get("/api/provisional-numbers?status=LOST", admin).status())
                .isEqualTo(400);
        assertThat(api.get("/api/provisional-numbers?limit=0", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/provisional-numbers", generator).status()).isEqualTo(403);
        assertThat(api.post("/api/provisional-numbers/PO-2026-~n.1~/resolution", generator, "{\"action\":\"CONFIRM\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void resolutionBodiesWithUnknownFieldsAreRefused() {
        HttpReply reply = api.post(
                "/api/provisional-numbers/PO-2026-~n.1~/resolution", admin, "{\"action\":\"CONFIRM\",\"notes\":\"x\"}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("field").asString()).isEqualTo("notes");
    }

    @Test
    void healthyNodeIsReadyAndLive() {
        HttpReply readiness = api.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    }
}
