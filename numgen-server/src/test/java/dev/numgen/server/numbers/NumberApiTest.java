package dev.numgen.server.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.DevIssuerClient;
import dev.numgen.server.testing.HttpReply;
import dev.numgen.server.testing.LocalNodeTest;
import dev.numgen.testing.Await;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@LocalNodeTest
class NumberApiTest {

    @LocalServerPort
    int port;

    @Autowired
    DevIssuer issuer;

    private ApiClient api;
    private String generator;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        generator = DevIssuerClient.token(issuer.port(), "numbers:generate");
    }

    private void register(String key, String json) {
        String writer = DevIssuerClient.token(issuer.port(), "prefix-configs:write");
        int status = api.put("/api/prefix-configs/" + key, writer, json).status();
        assertThat(status).isIn(200, 201);
    }

    @Test
    void issuesNumbersAsJsonWithNoStore() {
        register("ORDER", "{\"format\":\"ORD-{yyyy}{MM}{dd}-{seq:6}\"}");
        HttpReply reply = api.get("/api/numbers?prefixKey=ORDER&count=3", generator);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.header("Numgen-Mode")).isEqualTo("NORMAL");
        JsonNode body = reply.json();
        assertThat(body.path("prefixKey").asString()).isEqualTo("ORDER");
        assertThat(body.path("mode").asString()).isEqualTo("NORMAL");
        List<String> numbers = new ArrayList<>();
        body.path("numbers").forEach(number -> numbers.add(number.asString()));
        assertThat(numbers)
                .hasSize(3)
                .allMatch(number -> number.matches("ORD-\\d{8}-\\d{6}"))
                .isSorted();
    }

    @Test
    void issuesNumbersAsTextAndThroughPostAndWithoutApiPrefix() {
        register("TEXT", "{\"format\":\"T-{seq}\"}");
        HttpReply text = api.get("/numbers?prefixKey=TEXT&count=2", generator, "text/plain");
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.header("Content-Type")).startsWith("text/plain");
        assertThat(text.body()).isEqualTo("T-1\nT-2\n");
        HttpReply posted = api.post("/api/numbers", generator, "{\"prefixKey\":\"TEXT\",\"count\":1}");
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.json().path("numbers").get(0).asString()).isEqualTo("T-3");
    }

    @Test
    void variablesAreChecked() {
        register(
                "REGION",
                "{\"format\":\"R-{var:region}-{seq:4}\",\"variables\":{\"region\":{\"pattern\":\"[A-Z]{2}\"}}}");
        assertThat(api.get("/api/numbers?prefixKey=REGION&region=EU", generator)
                        .json()
                        .path("numbers")
                        .get(0)
                        .asString())
                .isEqualTo("R-EU-0001");
        HttpReply bad = api.get("/api/numbers?prefixKey=REGION&region=europe", generator);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("field").asString()).isEqualTo("region");
    }

    @Test
    void badParametersAre400ProblemsWithTheField() {
        register("PARAMS", "{\"format\":\"P-{seq}\"}");
        for (String query : List.of("count=abc", "count=0", "count=1001")) {
            HttpReply reply = api.get("/api/numbers?prefixKey=PARAMS&" + query, generator);
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.json().path("type").asString()).isEqualTo("/problems/invalid-request");
            assertThat(reply.json().path("field").asString()).isEqualTo("count");
        }
        HttpReply missing = api.get("/api/numbers", generator);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("field").asString()).isEqualTo("prefixKey");
    }

    @Test
    void bodyVariablesNamedCountOrPrefixKeyAreVariablesNotParameters() {
        register("BODYVAR", "{\"format\":\"BV-{seq}\"}");
        register("BODYVAR-OTHER", "{\"format\":\"OT-{seq}\"}");
        HttpReply counted =
                api.post("/api/numbers", generator, "{\"prefixKey\":\"BODYVAR\",\"variables\":{\"count\":\"5\"}}");
        assertThat(counted.status()).isEqualTo(400);
        assertThat(counted.json().path("field").asString()).isEqualTo("count");
        HttpReply keyed = api.post(
                "/api/numbers",
                generator,
                "{\"prefixKey\":\"BODYVAR\",\"variables\":{\"prefixKey\":\"BODYVAR-OTHER\"}}");
        assertThat(keyed.status()).isEqualTo(400);
        assertThat(keyed.json().path("field").asString()).isEqualTo("prefixKey");
        assertThat(api.get("/api/numbers?prefixKey=BODYVAR-OTHER", generator)
                        .json()
                        .path("numbers")
                        .toString())
                .isEqualTo("[\"OT-1\"]");
        assertThat(api.post("/api/numbers?count=2", generator, "{\"prefixKey\":\"BODYVAR\"}")
                        .json()
                        .path("numbers")
                        .toString())
                .isEqualTo("[\"BV-1\",\"BV-2\"]");
    }

    @Test
    void queryAndBodyThatDisagreeAre400sNamingTheField() {
        register(
                "AGREE", "{\"format\":\"A-{var:region}-{seq}\",\"variables\":{\"region\":{\"pattern\":\"[A-Z]{2}\"}}}");
        Map<String, String> conflicts = Map.of(
                "/api/numbers?count=2", "{\"prefixKey\":\"AGREE\",\"count\":3,\"variables\":{\"region\":\"EU\"}}",
                "/api/numbers?prefixKey=AGREE", "{\"prefixKey\":\"OTHER\",\"variables\":{\"region\":\"EU\"}}",
                "/api/numbers?region=US", "{\"prefixKey\":\"AGREE\",\"variables\":{\"region\":\"EU\"}}");
        Map<String, String> fields = Map.of(
                "/api/numbers?count=2", "count",
                "/api/numbers?prefixKey=AGREE", "prefixKey",
                "/api/numbers?region=US", "region");
        conflicts.forEach((path, body) -> {
            HttpReply reply = api.post(path, generator, body);
            assertThat(reply.status()).as(path).isEqualTo(400);
            assertThat(reply.json().path("field").asString()).as(path).isEqualTo(fields.get(path));
        });
        HttpReply agreeing = api.post(
                "/api/numbers?prefixKey=AGREE&count=2&region=EU",
                generator,
                "{\"prefixKey\":\"AGREE\",\"count\":2,\"variables\":{\"region\":\"EU\"}}");
        assertThat(agreeing.json().path("numbers").toString()).isEqualTo("[\"A-EU-1\",\"A-EU-2\"]");
    }

    @Test
    void aQueryParameterGivenTwiceIsA400NamingIt() {
        register(
                "TWICE", "{\"format\":\"W-{var:region}-{seq}\",\"variables\":{\"region\":{\"pattern\":\"[A-Z]{2}\"}}}");
        for (String query : List.of(
                "prefixKey=TWICE&region=EU&count=1&count=1000",
                "prefixKey=TWICE&region=EU&region=US",
                "prefixKey=TWICE&prefixKey=TWICE&region=EU")) {
            HttpReply reply = api.get("/api/numbers?" + query, generator);
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.json().path("field").asString())
                    .as(query)
                    .isEqualTo(query.contains("count") ? "count" : query.contains("US") ? "region" : "prefixKey");
        }
        assertThat(api.get("/api/numbers?prefixKey=TWICE&region=EU", generator)
                        .json()
                        .path("numbers")
                        .toString())
                .isEqualTo("[\"W-EU-1\"]");
    }

    @Test
    void countIsOneToFourAsciiDigits() {
        register("DIGITS", "{\"format\":\"DG-{seq}\"}");
        for (String count : List.of("%EF%BC%92", "+2", "%202", "2%20", "-1", "2.0", "00002", "1e1", "")) {
            HttpReply reply = api.get("/api/numbers?prefixKey=DIGITS&count=" + count, generator);
            assertThat(reply.status()).as(count).isEqualTo(400);
            assertThat(reply.json().path("field").asString()).as(count).isEqualTo("count");
        }
        assertThat(api.get("/api/numbers?prefixKey=DIGITS&count=0002", generator)
                        .json()
                        .path("numbers")
                        .toString())
                .isEqualTo("[\"DG-1\",\"DG-2\"]");
    }

    @Test
    void issueBodiesThatAreNotExactlyRightAre400sNamingTheJsonPath() {
        register(
                "STRICTPOST",
                "{\"format\":\"SP-{var:region}-{seq}\",\"variables\":{\"region\":{\"pattern\":\"[A-Z]{2}\"}}}");
        Map<String, String> faults = new java.util.LinkedHashMap<>();
        faults.put("{\"prefixKey\":\"STRICTPOST\",\"count\":1.9,\"variables\":{\"region\":\"EU\"}}", "count");
        faults.put("{\"prefixKey\":\"STRICTPOST\",\"count\":\"2\",\"variables\":{\"region\":\"EU\"}}", "count");
        faults.put("{\"prefixKey\":\"STRICTPOST\",\"colour\":\"red\",\"variables\":{\"region\":\"EU\"}}", "colour");
        faults.put("{\"prefixKey\":\"STRICTPOST\",\"variables\":{\"region\":5}}", "variables.region");
        faults.put("{\"prefixKey\":\"STRICTPOST\",\"variables\":[\"EU\"]}", "variables");
        faults.put(
                "{\"prefixKey\":\"STRICTPOST\",\"count\":1,\"count\":1000,\"variables\":{\"region\":\"EU\"}}", "count");
        faults.put("null", "body");
        faults.forEach((body, field) -> {
            HttpReply reply = api.post("/api/numbers", generator, body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.json().path("type").asString()).as(body).endsWith("/invalid-request");
            assertThat(reply.json().path("field").asString()).as(body).isEqualTo(field);
            assertThat(reply.body()).as(body).doesNotContain("tools.jackson", "dev.numgen", "Exception");
        });
        assertThat(api.get("/api/numbers?prefixKey=STRICTPOST&region=EU", generator)
                        .json()
                        .path("numbers")
                        .toString())
                .isEqualTo("[\"SP-EU-1\"]");
    }

    @Test
    void voidBodiesWithUnknownFieldsAreRefused() {
        register("STRICTVOID", "{\"format\":\"SV-{seq:4}\",\"strategy\":\"GAPLESS\"}");
        String number = api.get("/api/numbers?prefixKey=STRICTVOID", generator)
                .json()
                .path("numbers")
                .get(0)
                .asString();
        String admin = DevIssuerClient.token(issuer.port(), "numbers:admin", "prefix-configs:read");
        HttpReply reply = api.post(
                "/api/numbers/" + number + "/void",
                admin,
                "{\"prefixKey\":\"STRICTVOID\",\"reason\":\"jam\",\"force\":true}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("field").asString()).isEqualTo("force");
        assertThat(api.get("/api/prefix-configs/STRICTVOID/voids", admin).json())
                .isEmpty();
    }

    @Test
    void issueRejectsUnregisteredPrefix() {
        HttpReply reply = api.get("/api/numbers?prefixKey=UNKNOWN", generator);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("type").asString()).isEqualTo("/problems/prefix-not-registered");
        assertThat(reply.json().path("prefixKey").asString()).isEqualTo("UNKNOWN");
    }

    @Test
    void exhaustedCounterIsA409AndNeverWraps() {
        register("SMALL", "{\"format\":\"S-{seq:1}\",\"reserveSize\":3}");
        HttpReply all = api.get("/api/numbers?prefixKey=SMALL&count=9", generator);
        assertThat(all.status()).isEqualTo(200);
        HttpReply more = api.get("/api/numbers?prefixKey=SMALL", generator);
        assertThat(more.status()).isEqualTo(409);
        assertThat(more.json().path("type").asString()).endsWith("/counter-exhausted");
        assertThat(more.body()).doesNotContain("S-1\"");
    }

    @Test
    void twoPrefixesNeverShareACounter() {
        register("FIRST", "{\"format\":\"N-{seq}\"}");
        register("SECOND", "{\"format\":\"N-{seq}\"}");
        api.get("/api/numbers?prefixKey=FIRST&count=5", generator);
        JsonNode second = api.get("/api/numbers?prefixKey=SECOND", generator).json();
        assertThat(second.path("numbers").get(0).asString()).isEqualTo("N-1");
    }

    @Test
    void onePrefixNeverRepeatsUnderEightConcurrentClients() {
        register("BUSY", "{\"format\":\"B-{seq:9}\",\"reserveSize\":20}");
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger issued = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int client = 0; client < 8; client++) {
                work.add(clients.submit(() -> {
                    for (int request = 0; request < 60; request++) {
                        int count = ThreadLocalRandom.current().nextInt(1, 6);
                        HttpReply reply = api.get("/api/numbers?prefixKey=BUSY&count=" + count, generator);
                        assertThat(reply.status()).isEqualTo(200);
                        reply.json().path("numbers").forEach(number -> {
                            issued.incrementAndGet();
                            assertThat(seen.add(number.asString()))
                                    .as("duplicate " + number)
                                    .isTrue();
                        });
                    }
                }));
            }
            for (Future<?> future : work) {
                Await.result("a client's 60 requests", future);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(seen).hasSize(issued.get()).hasSizeGreaterThanOrEqualTo(8 * 60);
    }

    @Test
    void tokensWithoutTheScopeOrWithoutATokenAreRefused() {
        register("GUARDED", "{\"format\":\"G-{seq}\"}");
        HttpReply anonymous = api.get("/api/numbers?prefixKey=GUARDED", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        String reader = DevIssuerClient.token(issuer.port(), "prefix-configs:read");
        HttpReply forbidden = api.get("/api/numbers?prefixKey=GUARDED", reader);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.put("/api/prefix-configs/GUARDED", reader, "{\"format\":\"X-{seq}\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/numbers?prefixKey=GUARDED", generator).status())
                .isEqualTo(200);
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
    }

    @Test
    void issuedNumbersAreCountedInMetricsAndOtherMethodsAre405() {
        register("METERED", "{\"format\":\"M-{seq}\"}");
        api.get("/api/numbers?prefixKey=METERED&count=4", generator);
        String admin = DevIssuerClient.token(issuer.port(), "numbers:admin");
        HttpReply metrics = api.get("/actuator/prometheus", admin, "text/plain");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("numgen_numbers_issued_total{mode=\"NORMAL\",prefix=\"METERED\"} 4.0")
                .contains("numgen_issue_latency_seconds_bucket");
        HttpReply put = api.put("/api/numbers", generator, "{}");
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.header("Allow")).isEqualTo("GET, POST");
    }

    @Test
    void gaplessRulesIssueConsecutiveNumbersInBothConcurrencyModes() {
        register("INVOICE", "{\"format\":\"INV-{seq:5}\",\"strategy\":\"GAPLESS\"}");
        register("INVOICE-OPT", "{\"format\":\"IO-{seq:5}\",\"strategy\":\"GAPLESS\",\"concurrency\":\"OPTIMISTIC\"}");
        assertThat(api.get("/api/numbers?prefixKey=INVOICE&count=2", generator)
                        .json()
                        .path("numbers")
                        .toString())
                .isEqualTo("[\"INV-00001\",\"INV-00002\"]");
        assertThat(api.get("/api/numbers?prefixKey=INVOICE", generator)
                        .json()
                        .path("numbers")
                        .toString())
                .isEqualTo("[\"INV-00003\"]");
        assertThat(api.get("/api/numbers?prefixKey=INVOICE-OPT&count=3", generator)
                        .json()
                        .path("numbers")
                        .toString())
                .isEqualTo("[\"IO-00001\",\"IO-00002\",\"IO-00003\"]");
        String reader = DevIssuerClient.token(issuer.port(), "prefix-configs:read");
        assertThat(api.get("/api/prefix-configs/INVOICE-OPT", reader)
                        .json()
                        .path("concurrency")
                        .asString())
                .isEqualTo("OPTIMISTIC");
    }

    @Test
    void idempotencyKeyReturnsTheSameNumbersAndRefusesOtherParameters() {
        register("IDEM", "{\"format\":\"I-{seq}\"}");
        HttpReply first =
                api.getWithHeaders("/api/numbers?prefixKey=IDEM&count=2", generator, "Idempotency-Key", "order-77");
        HttpReply retry =
                api.getWithHeaders("/api/numbers?prefixKey=IDEM&count=2", generator, "Idempotency-Key", "order-77");
        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.json().path("numbers")).isEqualTo(first.json().path("numbers"));
        HttpReply other =
                api.getWithHeaders("/api/numbers?prefixKey=IDEM&count=3", generator, "Idempotency-Key", "order-77");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().path("type").asString()).endsWith("/idempotency-key-reused");
        HttpReply fresh =
                api.getWithHeaders("/api/numbers?prefixKey=IDEM&count=2", generator, "Idempotency-Key", "order-78");
        assertThat(fresh.json().path("numbers")).isNotEqualTo(first.json().path("numbers"));
    }

    @Test
    void gaplessNumbersAreVoidedOnceWithAReasonAndListed() {
        register("BILL", "{\"format\":\"B-{yyyy}-{seq:4}\",\"strategy\":\"GAPLESS\"}");
        String number = api.get("/api/numbers?prefixKey=BILL&count=2", generator)
                .json()
                .path("numbers")
                .get(1)
                .asString();
        String admin = DevIssuerClient.token(issuer.port(), "numbers:admin", "prefix-configs:read");
        String body = "{\"prefixKey\":\"BILL\",\"reason\":\"printer jam\"}";
        assertThat(api.post("/api/numbers/" + number + "/void", generator, body).status())
                .isEqualTo(403);
        HttpReply voided = api.post("/api/numbers/" + number + "/void", admin, body);
        assertThat(voided.status()).isEqualTo(201);
        assertThat(voided.json().path("sequence").asLong()).isEqualTo(2);
        assertThat(voided.json().path("voidedBy").asString()).isEqualTo("numgen-local");
        assertThat(api.post("/api/numbers/" + number + "/void", admin, body).status())
                .isEqualTo(409);
        String notIssued = number.substring(0, number.lastIndexOf('-') + 1) + "0099";
        assertThat(api.post("/api/numbers/" + notIssued + "/void", admin, body)
                        .json()
                        .path("type")
                        .asString())
                .endsWith("/void-refused");
        assertThat(api.post("/api/numbers/X-1/void", admin, body).status()).isEqualTo(400);
        HttpReply list = api.get("/api/prefix-configs/BILL/voids", admin);
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).path("reason").asString()).isEqualTo("printer jam");
        assertThat(api.get("/api/numbers?prefixKey=BILL", generator)
                        .json()
                        .path("numbers")
                        .get(0)
                        .asString())
                .endsWith("-0003");
    }

    @Test
    void snowflakeRulesIssueIncreasingIdsAndNeedABareSeq() {
        register("EVENT", "{\"format\":\"EV-{seq}\",\"strategy\":\"SNOWFLAKE\"}");
        JsonNode numbers = api.get("/api/numbers?prefixKey=EVENT&count=3", generator)
                .json()
                .path("numbers");
        List<Long> ids = new ArrayList<>();
        numbers.forEach(number -> ids.add(Long.parseLong(number.asString().substring(3))));
        assertThat(ids).hasSize(3).isSorted().doesNotHaveDuplicates();
        String writer = DevIssuerClient.token(issuer.port(), "prefix-configs:write");
        HttpReply padded =
                api.put("/api/prefix-configs/EVENT2", writer, "{\"format\":\"EV-{seq:6}\",\"strategy\":\"SNOWFLAKE\"}");
        assertThat(padded.status()).isEqualTo(422);
        assertThat(padded.json().path("field").asString()).isEqualTo("format");
    }

    @Test
    void startStepAndDescriptionAreHonouredAndEveryStrategyIssuesAThousandAtOnce() {
        register("STEPPED", "{\"format\":\"S-{seq}\",\"start\":100,\"step\":10,\"description\":\"Shipments\"}");
        assertThat(api.get("/api/numbers?prefixKey=STEPPED&count=3", generator)
                        .json()
                        .path("numbers")
                        .toString())
                .isEqualTo("[\"S-100\",\"S-110\",\"S-120\"]");
        String reader = DevIssuerClient.token(issuer.port(), "prefix-configs:read");
        assertThat(api.get("/api/prefix-configs/STEPPED", reader)
                        .json()
                        .path("description")
                        .asString())
                .isEqualTo("Shipments");
        register("THOUSAND-G", "{\"format\":\"G-{seq:6}\",\"strategy\":\"GAPLESS\"}");
        register("THOUSAND-F", "{\"format\":\"F-{seq}\",\"strategy\":\"SNOWFLAKE\"}");
        for (String key : List.of("STEPPED", "THOUSAND-G", "THOUSAND-F")) {
            JsonNode numbers = api.get("/api/numbers?prefixKey=" + key + "&count=1000", generator)
                    .json()
                    .path("numbers");
            Set<String> distinct = new java.util.HashSet<>();
            numbers.forEach(number -> distinct.add(number.asString()));
            assertThat(distinct).as(key).hasSize(1000);
        }
    }
}
