package dev.numgen.server.numbers;

import static dev.numgen.rule.RuleDefinitions.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.rule.RuleDefinition;
import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.DevIssuerClient;
import dev.numgen.server.testing.HttpReply;
import dev.numgen.server.testing.LocalNodeTest;
import dev.numgen.server.testing.TestNames;
import dev.numgen.testing.Await;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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

    private static final TestNames NAMES = TestNames.of(NumberApiTest.class);

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

    /** Registers {@code rule} under this class's own key for {@code name}, and returns that key. */
    private String register(String name, RuleDefinition rule) {
        String key = NAMES.key(name);
        String writer = DevIssuerClient.token(issuer.port(), "prefix-configs:write");
        HttpReply created = api.putRule(key, writer, rule);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return key;
    }

    private static RuleDefinition withRegion(String format) {
        return rule(format).variable("region", "[A-Z]{2}").build();
    }

    @Test
    void issuesNumbersAsJsonWithNoStore() {
        String order = register("ORDER", rule("ORD-{yyyy}{MM}{dd}-{seq:6}").build());
        HttpReply reply = api.get("/api/numbers?prefixKey=" + order + "&count=3", generator);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.header("Numgen-Mode")).isEqualTo("NORMAL");
        JsonNode body = reply.json();
        assertThat(body.path("prefixKey").asString()).isEqualTo(order);
        assertThat(body.path("mode").asString()).isEqualTo("NORMAL");
        assertThat(reply.numbers())
                .hasSize(3)
                .allMatch(number -> number.matches("ORD-\\d{8}-\\d{6}"))
                .isSorted();
    }

    @Test
    void issuesNumbersAsTextAndThroughPostAndWithoutApiPrefix() {
        String text = register("TEXT", rule("T-{seq}").build());
        HttpReply plain = api.get("/numbers?prefixKey=" + text + "&count=2", generator, "text/plain");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.header("Content-Type")).startsWith("text/plain");
        assertThat(plain.body()).isEqualTo("T-1\nT-2\n");
        HttpReply posted = api.post("/api/numbers", generator, "{\"prefixKey\":\"" + text + "\",\"count\":1}");
        assertThat(posted.numbers()).containsExactly("T-3");
    }

    @Test
    void variablesAreChecked() {
        String region = register("REGION", withRegion("R-{var:region}-{seq:4}"));
        assertThat(api.get("/api/numbers?prefixKey=" + region + "&region=EU", generator)
                        .numbers())
                .containsExactly("R-EU-0001");
        HttpReply bad = api.get("/api/numbers?prefixKey=" + region + "&region=europe", generator);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("field").asString()).isEqualTo("region");
    }

    @Test
    void badParametersAre400ProblemsWithTheField() {
        String params = register("PARAMS", rule("P-{seq}").build());
        for (String query : List.of("count=abc", "count=0", "count=1001")) {
            HttpReply reply = api.get("/api/numbers?prefixKey=" + params + "&" + query, generator);
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
        String bodyVar = register("BODYVAR", rule("BV-{seq}").build());
        String other = register("BODYVAR-OTHER", rule("OT-{seq}").build());
        HttpReply counted = api.post(
                "/api/numbers", generator, "{\"prefixKey\":\"" + bodyVar + "\",\"variables\":{\"count\":\"5\"}}");
        assertThat(counted.status()).isEqualTo(400);
        assertThat(counted.json().path("field").asString()).isEqualTo("count");
        HttpReply keyed = api.post(
                "/api/numbers",
                generator,
                "{\"prefixKey\":\"" + bodyVar + "\",\"variables\":{\"prefixKey\":\"" + other + "\"}}");
        assertThat(keyed.status()).isEqualTo(400);
        assertThat(keyed.json().path("field").asString()).isEqualTo("prefixKey");
        assertThat(api.get("/api/numbers?prefixKey=" + other, generator).numbers())
                .containsExactly("OT-1");
        assertThat(api.post("/api/numbers?count=2", generator, "{\"prefixKey\":\"" + bodyVar + "\"}")
                        .numbers())
                .containsExactly("BV-1", "BV-2");
    }

    @Test
    void queryAndBodyThatDisagreeAre400sNamingTheField() {
        String agree = register("AGREE", withRegion("A-{var:region}-{seq}"));
        String other = NAMES.key("OTHER");
        Map<String, String> conflicts = Map.of(
                "/api/numbers?count=2",
                "{\"prefixKey\":\"" + agree + "\",\"count\":3,\"variables\":{\"region\":\"EU\"}}",
                "/api/numbers?prefixKey=" + agree,
                "{\"prefixKey\":\"" + other + "\",\"variables\":{\"region\":\"EU\"}}",
                "/api/numbers?region=US",
                "{\"prefixKey\":\"" + agree + "\",\"variables\":{\"region\":\"EU\"}}");
        Map<String, String> fields = Map.of(
                "/api/numbers?count=2",
                "count",
                "/api/numbers?prefixKey=" + agree,
                "prefixKey",
                "/api/numbers?region=US",
                "region");
        conflicts.forEach((path, body) -> {
            HttpReply reply = api.post(path, generator, body);
            assertThat(reply.status()).as(path).isEqualTo(400);
            assertThat(reply.json().path("field").asString()).as(path).isEqualTo(fields.get(path));
        });
        HttpReply agreeing = api.post(
                "/api/numbers?prefixKey=" + agree + "&count=2&region=EU",
                generator,
                "{\"prefixKey\":\"" + agree + "\",\"count\":2,\"variables\":{\"region\":\"EU\"}}");
        assertThat(agreeing.numbers()).containsExactly("A-EU-1", "A-EU-2");
    }

    @Test
    void aQueryParameterGivenTwiceIsA400NamingIt() {
        String twice = register("TWICE", withRegion("W-{var:region}-{seq}"));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("prefixKey=" + twice + "&region=EU&count=1&count=1000", "count");
        fields.put("prefixKey=" + twice + "&region=EU&region=US", "region");
        fields.put("prefixKey=" + twice + "&prefixKey=" + twice + "&region=EU", "prefixKey");
        fields.forEach((query, field) -> {
            HttpReply reply = api.get("/api/numbers?" + query, generator);
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.json().path("field").asString()).as(query).isEqualTo(field);
        });
        assertThat(api.get("/api/numbers?prefixKey=" + twice + "&region=EU", generator)
                        .numbers())
                .containsExactly("W-EU-1");
    }

    @Test
    void countIsOneToFourAsciiDigits() {
        String digits = register("DIGITS", rule("DG-{seq}").build());
        for (String count : List.of("%EF%BC%92", "+2", "%202", "2%20", "-1", "2.0", "00002", "1e1", "")) {
            HttpReply reply = api.get("/api/numbers?prefixKey=" + digits + "&count=" + count, generator);
            assertThat(reply.status()).as(count).isEqualTo(400);
            assertThat(reply.json().path("field").asString()).as(count).isEqualTo("count");
        }
        assertThat(api.get("/api/numbers?prefixKey=" + digits + "&count=0002", generator)
                        .numbers())
                .containsExactly("DG-1", "DG-2");
    }

    @Test
    void issueBodiesThatAreNotExactlyRightAre400sNamingTheJsonPath() {
        String strict = register("STRICTPOST", withRegion("SP-{var:region}-{seq}"));
        String key = "\"prefixKey\":\"" + strict + "\"";
        Map<String, String> faults = new LinkedHashMap<>();
        faults.put("{" + key + ",\"count\":1.9,\"variables\":{\"region\":\"EU\"}}", "count");
        faults.put("{" + key + ",\"count\":\"2\",\"variables\":{\"region\":\"EU\"}}", "count");
        faults.put("{" + key + ",\"colour\":\"red\",\"variables\":{\"region\":\"EU\"}}", "colour");
        faults.put("{" + key + ",\"variables\":{\"region\":5}}", "variables.region");
        faults.put("{" + key + ",\"variables\":[\"EU\"]}", "variables");
        faults.put("{" + key + ",\"count\":1,\"count\":1000,\"variables\":{\"region\":\"EU\"}}", "count");
        faults.put("null", "body");
        faults.forEach((body, field) -> {
            HttpReply reply = api.post("/api/numbers", generator, body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.json().path("type").asString()).as(body).endsWith("/invalid-request");
            assertThat(reply.json().path("field").asString()).as(body).isEqualTo(field);
            assertThat(reply.body()).as(body).doesNotContain("tools.jackson", "dev.numgen", "Exception");
        });
        assertThat(api.get("/api/numbers?prefixKey=" + strict + "&region=EU", generator)
                        .numbers())
                .containsExactly("SP-EU-1");
    }

    @Test
    void voidBodiesWithUnknownFieldsAreRefused() {
        String strictVoid =
                register("STRICTVOID", rule("SV-{seq:4}").strategy("GAPLESS").build());
        String number = api.get("/api/numbers?prefixKey=" + strictVoid, generator)
                .numbers()
                .get(0);
        String admin = DevIssuerClient.token(issuer.port(), "numbers:admin", "prefix-configs:read");
        HttpReply reply = api.post(
                "/api/numbers/" + number + "/void",
                admin,
                "{\"prefixKey\":\"" + strictVoid + "\",\"reason\":\"jam\",\"force\":true}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("field").asString()).isEqualTo("force");
        assertThat(api.get("/api/prefix-configs/" + strictVoid + "/voids", admin)
                        .expect(200)
                        .json())
                .isEmpty();
    }

    @Test
    void issueRejectsUnregisteredPrefix() {
        String unknown = NAMES.key("UNKNOWN");
        HttpReply reply = api.get("/api/numbers?prefixKey=" + unknown, generator);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("type").asString()).isEqualTo("/problems/prefix-not-registered");
        assertThat(reply.json().path("prefixKey").asString()).isEqualTo(unknown);
    }

    @Test
    void exhaustedCounterIsA409AndNeverWraps() {
        String small = register("SMALL", rule("S-{seq:1}").reserveSize(3).build());
        assertThat(api.get("/api/numbers?prefixKey=" + small + "&count=9", generator)
                        .numbers())
                .containsExactly("S-1", "S-2", "S-3", "S-4", "S-5", "S-6", "S-7", "S-8", "S-9");
        // Asked again and again, the counter stays at its end: a problem naming the rule, never another S-1.
        for (int attempt = 1; attempt <= 3; attempt++) {
            HttpReply more = api.get("/api/numbers?prefixKey=" + small, generator);
            assertThat(more.status()).as("attempt %d: %s", attempt, more.body()).isEqualTo(409);
            assertThat(more.header("Content-Type")).startsWith("application/problem+json");
            JsonNode problem = more.json();
            assertThat(problem.path("type").asString()).isEqualTo("/problems/counter-exhausted");
            assertThat(problem.path("status").asInt()).isEqualTo(409);
            assertThat(problem.path("prefixKey").asString()).isEqualTo(small);
            assertThat(problem.has("numbers")).isFalse();
        }
    }

    @Test
    void twoPrefixesNeverShareACounter() {
        String first = register("FIRST", rule("N-{seq}").build());
        String second = register("SECOND", rule("N-{seq}").build());
        assertThat(api.get("/api/numbers?prefixKey=" + first + "&count=5", generator)
                        .numbers())
                .containsExactly("N-1", "N-2", "N-3", "N-4", "N-5");
        assertThat(api.get("/api/numbers?prefixKey=" + second, generator).numbers())
                .containsExactly("N-1");
    }

    @Test
    void onePrefixNeverRepeatsUnderEightConcurrentClients() {
        String busy = register("BUSY", rule("B-{seq:9}").reserveSize(20).build());
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger issued = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int client = 0; client < 8; client++) {
                work.add(clients.submit(() -> {
                    for (int request = 0; request < 60; request++) {
                        int count = ThreadLocalRandom.current().nextInt(1, 6);
                        List<String> numbers = api.get("/api/numbers?prefixKey=" + busy + "&count=" + count, generator)
                                .numbers();
                        assertThat(numbers).hasSize(count);
                        numbers.forEach(number -> {
                            issued.incrementAndGet();
                            assertThat(seen.add(number))
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
        String guarded = register("GUARDED", rule("G-{seq}").build());
        HttpReply anonymous = api.get("/api/numbers?prefixKey=" + guarded, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        String reader = DevIssuerClient.token(issuer.port(), "prefix-configs:read");
        HttpReply forbidden = api.get("/api/numbers?prefixKey=" + guarded, reader);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.putRule(guarded, reader, rule("X-{seq}").build()).status())
                .isEqualTo(403);
        assertThat(api.get("/api/numbers?prefixKey=" + guarded, generator).numbers())
                .containsExactly("G-1");
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
    }

    @Test
    void issuedNumbersAreCountedInMetricsAndOtherMethodsAre405() {
        String metered = register("METERED", rule("M-{seq}").build());
        assertThat(api.get("/api/numbers?prefixKey=" + metered + "&count=4", generator)
                        .numbers())
                .hasSize(4);
        String admin = DevIssuerClient.token(issuer.port(), "numbers:admin");
        HttpReply metrics = api.get("/actuator/prometheus", admin, "text/plain");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("numgen_numbers_issued_total{mode=\"NORMAL\",prefix=\"" + metered + "\"} 4.0")
                .contains("numgen_issue_latency_seconds_bucket");
        HttpReply put = api.put("/api/numbers", generator, "{}");
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.header("Allow")).isEqualTo("GET, POST");
    }

    @Test
    void gaplessRulesIssueConsecutiveNumbersInBothConcurrencyModes() {
        String invoice =
                register("INVOICE", rule("INV-{seq:5}").strategy("GAPLESS").build());
        String optimistic = register(
                "INVOICE-OPT",
                rule("IO-{seq:5}").strategy("GAPLESS").concurrency("OPTIMISTIC").build());
        assertThat(api.get("/api/numbers?prefixKey=" + invoice + "&count=2", generator)
                        .numbers())
                .containsExactly("INV-00001", "INV-00002");
        assertThat(api.get("/api/numbers?prefixKey=" + invoice, generator).numbers())
                .containsExactly("INV-00003");
        assertThat(api.get("/api/numbers?prefixKey=" + optimistic + "&count=3", generator)
                        .numbers())
                .containsExactly("IO-00001", "IO-00002", "IO-00003");
        String reader = DevIssuerClient.token(issuer.port(), "prefix-configs:read");
        assertThat(api.get("/api/prefix-configs/" + optimistic, reader)
                        .expect(200)
                        .json()
                        .path("concurrency")
                        .asString())
                .isEqualTo("OPTIMISTIC");
    }

    @Test
    void idempotencyKeyReturnsTheSameNumbersAndRefusesOtherParameters() {
        String idem = register("IDEM", rule("I-{seq}").build());
        String key = NAMES.key("order-77");
        HttpReply first =
                api.getWithHeaders("/api/numbers?prefixKey=" + idem + "&count=2", generator, "Idempotency-Key", key);
        HttpReply retry =
                api.getWithHeaders("/api/numbers?prefixKey=" + idem + "&count=2", generator, "Idempotency-Key", key);
        assertThat(first.numbers()).containsExactly("I-1", "I-2");
        assertThat(retry.numbers()).isEqualTo(first.numbers());
        HttpReply other =
                api.getWithHeaders("/api/numbers?prefixKey=" + idem + "&count=3", generator, "Idempotency-Key", key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().path("type").asString()).endsWith("/idempotency-key-reused");
        HttpReply fresh = api.getWithHeaders(
                "/api/numbers?prefixKey=" + idem + "&count=2", generator, "Idempotency-Key", NAMES.key("order-78"));
        assertThat(fresh.numbers()).containsExactly("I-3", "I-4");
    }

    @Test
    void gaplessNumbersAreVoidedOnceWithAReasonAndListed() {
        String bill =
                register("BILL", rule("B-{yyyy}-{seq:4}").strategy("GAPLESS").build());
        String number = api.get("/api/numbers?prefixKey=" + bill + "&count=2", generator)
                .numbers()
                .get(1);
        String admin = DevIssuerClient.token(issuer.port(), "numbers:admin", "prefix-configs:read");
        String body = "{\"prefixKey\":\"" + bill + "\",\"reason\":\"printer jam\"}";
        assertThat(api.post("/api/numbers/" + number + "/void", generator, body).status())
                .isEqualTo(403);
        HttpReply voided = api.post("/api/numbers/" + number + "/void", admin, body);
        assertThat(voided.status()).isEqualTo(201);
        assertThat(voided.json().path("sequence").asLong()).isEqualTo(2);
        assertThat(voided.json().path("voidedBy").asString()).isEqualTo("numgen-local");
        assertThat(api.post("/api/numbers/" + number + "/void", admin, body).status())
                .isEqualTo(409);
        String notIssued = number.substring(0, number.lastIndexOf('-') + 1) + "0099";
        HttpReply refused = api.post("/api/numbers/" + notIssued + "/void", admin, body);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("type").asString()).endsWith("/void-refused");
        assertThat(api.post("/api/numbers/X-1/void", admin, body).status()).isEqualTo(400);
        JsonNode list = api.get("/api/prefix-configs/" + bill + "/voids", admin)
                .expect(200)
                .json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("reason").asString()).isEqualTo("printer jam");
        assertThat(api.get("/api/numbers?prefixKey=" + bill, generator).numbers())
                .singleElement()
                .asString()
                .endsWith("-0003");
    }

    @Test
    void snowflakeRulesIssueIncreasingIdsAndNeedABareSeq() {
        String event = register("EVENT", rule("EV-{seq}").strategy("SNOWFLAKE").build());
        List<Long> ids = new ArrayList<>();
        api.get("/api/numbers?prefixKey=" + event + "&count=3", generator)
                .numbers()
                .forEach(number -> ids.add(Long.parseLong(number.substring("EV-".length()))));
        assertThat(ids).hasSize(3).isSorted().doesNotHaveDuplicates();
        String writer = DevIssuerClient.token(issuer.port(), "prefix-configs:write");
        HttpReply padded = api.putRule(
                NAMES.key("EVENT2"),
                writer,
                rule("EV-{seq:6}").strategy("SNOWFLAKE").build());
        assertThat(padded.status()).isEqualTo(422);
        assertThat(padded.json().path("field").asString()).isEqualTo("format");
    }

    @Test
    void startStepAndDescriptionAreHonouredAndEveryStrategyIssuesAThousandAtOnce() {
        String stepped = register(
                "STEPPED",
                rule("S-{seq}").start(100L).step(10L).description("Shipments").build());
        assertThat(api.get("/api/numbers?prefixKey=" + stepped + "&count=3", generator)
                        .numbers())
                .containsExactly("S-100", "S-110", "S-120");
        String reader = DevIssuerClient.token(issuer.port(), "prefix-configs:read");
        assertThat(api.get("/api/prefix-configs/" + stepped, reader)
                        .expect(200)
                        .json()
                        .path("description")
                        .asString())
                .isEqualTo("Shipments");
        String gapless =
                register("THOUSAND-G", rule("G-{seq:6}").strategy("GAPLESS").build());
        String snowflake =
                register("THOUSAND-F", rule("F-{seq}").strategy("SNOWFLAKE").build());
        for (String key : List.of(stepped, gapless, snowflake)) {
            List<String> numbers = api.get("/api/numbers?prefixKey=" + key + "&count=1000", generator)
                    .numbers();
            assertThat(new HashSet<>(numbers)).as(key).hasSize(1000);
        }
    }
}
