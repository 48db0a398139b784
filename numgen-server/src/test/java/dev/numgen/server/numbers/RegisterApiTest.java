package dev.numgen.server.numbers;

import static dev.numgen.rule.RuleDefinitions.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.rule.RuleDefinition;
import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.HttpReply;
import dev.numgen.server.testing.LocalNodeTest;
import dev.numgen.server.testing.SubjectTokens;
import dev.numgen.server.testing.TestNames;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/prefix-configs/{prefixKey}/register} and {@code .../register/check}: every GAPLESS number with the
 * request that took it (token subject, Idempotency-Key, node, commit time) or its void, page by page, and whether every
 * counter is complete. The callers are several token subjects, signed with the development issuer's key.
 */
@LocalNodeTest
class RegisterApiTest {

    private static final TestNames NAMES = TestNames.of(RegisterApiTest.class);
    private static final SubjectTokens SUBJECTS = SubjectTokens.inNewKeyFile();
    private static final String NO_END = "9223372036854775807";

    @DynamicPropertySource
    static void sharedKey(DynamicPropertyRegistry registry) {
        registry.add(
                "numgen.security.dev-issuer.key-file", () -> SUBJECTS.keyFile().toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    DevIssuer issuer;

    @Autowired
    IgniteStore store;

    private ApiClient api;
    private String alice;
    private String bob;
    private String auditor;

    @BeforeEach
    void clients() {
        api = new ApiClient(port);
        alice = SUBJECTS.token(issuer, "alice", "numbers:generate");
        bob = SUBJECTS.token(issuer, "bob", "numbers:generate");
        auditor = SUBJECTS.token(issuer, "auditor", "prefix-configs:read");
    }

    @Test
    void theRegisterNamesTheRequestThatTookEachNumberAndItsVoid() {
        String key = register("AUDIT", rule("RA-{seq:4}").strategy("GAPLESS").build());
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(issue(key, 2, alice, null)).containsExactly("RA-0001", "RA-0002");
        assertThat(issue(key, 1, bob, "rat-audit-bob")).containsExactly("RA-0003");
        assertThat(issue(key, 1, alice, null)).containsExactly("RA-0004");
        Instant after = Instant.now();
        String carol = SUBJECTS.token(issuer, "carol", "numbers:admin");
        api.post("/api/numbers/RA-0002/void", carol, "{\"prefixKey\":\"" + key + "\",\"reason\":\"printer jam\"}")
                .expect(201);

        JsonNode page = api.get("/api/prefix-configs/" + key + "/register", auditor)
                .expect(200)
                .json();
        assertThat(page.path("prefixKey").asString()).isEqualTo(key);
        assertThat(page.path("counter").asString()).isEmpty();
        assertThat(page.path("from").asLong()).isZero();
        assertThat(page.path("to").asLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(page.path("nextFrom").isNull()).as(page.toString()).isTrue();
        JsonNode entries = page.path("entries");
        assertThat(entries).hasSize(4);
        assertEntry(entries.get(0), 1, "RA-0001", "ISSUED", "alice", null, 1, 2);
        assertEntry(entries.get(1), 2, "RA-0002", "VOIDED", "alice", null, 1, 2);
        assertEntry(entries.get(2), 3, "RA-0003", "ISSUED", "bob", "rat-audit-bob", 3, 3);
        assertEntry(entries.get(3), 4, "RA-0004", "ISSUED", "alice", null, 4, 4);
        List<Instant> committed = new ArrayList<>();
        for (JsonNode entry : entries) {
            assertThat(entry.path("issued").path("node").asString()).isEqualTo(store.nodeName());
            Instant at = Instant.parse(entry.path("issued").path("committedAt").asString());
            assertThat(at).isBetween(before, after);
            committed.add(at);
        }
        assertThat(committed).isSorted();
        JsonNode voided = entries.get(1).path("voided");
        assertThat(voided.path("number").asString()).isEqualTo("RA-0002");
        assertThat(voided.path("sequence").asLong()).isEqualTo(2);
        assertThat(voided.path("reason").asString()).isEqualTo("printer jam");
        assertThat(voided.path("voidedBy").asString()).isEqualTo("carol");
        for (int i : new int[] {0, 2, 3}) {
            assertThat(entries.get(i).path("voided").isNull()).isTrue();
        }

        JsonNode check = check(key);
        assertThat(check.path("prefixKey").asString()).isEqualTo(key);
        assertThat(check.path("complete").asBoolean()).isTrue();
        assertThat(check.path("counters")).hasSize(1);
        assertCounter(check.path("counters").get(0), "", 1, 4, 3, 3, 1);
    }

    @Test
    void pagesWalkTheRangeExactlyOnceAndLinkToTheNextPage() {
        String key = register("PAGES", rule("RP-{seq}").strategy("GAPLESS").build());
        for (int count : new int[] {1, 3, 2, 1, 4}) {
            issue(key, count, alice, null);
        }

        assertThat(walk("/api/prefix-configs/" + key + "/register?limit=3", 4))
                .containsExactlyElementsOf(values(1, 11));
        assertThat(walk("/prefix-configs/" + key + "/register?from=4&to=8&limit=2", 3))
                .containsExactlyElementsOf(values(4, 8));
        assertThat(walk("/api/prefix-configs/" + key + "/register?limit=11", 1))
                .containsExactlyElementsOf(values(1, 11));

        HttpReply first = api.get("/api/prefix-configs/" + key + "/register?limit=3", auditor)
                .expect(200);
        assertThat(first.json().path("nextFrom").asLong()).isEqualTo(4);
        assertThat(first.header("Link"))
                .isEqualTo("</api/prefix-configs/" + key + "/register?counter=&from=4&to=" + NO_END
                        + "&limit=3>; rel=\"next\"");
        HttpReply bare = api.get("/prefix-configs/" + key + "/register?from=4&to=8&limit=2", auditor)
                .expect(200);
        assertThat(bare.header("Link"))
                .isEqualTo("</prefix-configs/" + key + "/register?counter=&from=6&to=8&limit=2>; rel=\"next\"");
        // HEAD answers as GET does, without the body.
        HttpReply head = api.send("HEAD", "/api/prefix-configs/" + key + "/register?limit=3", auditor, null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Link")).isEqualTo(first.header("Link"));
        assertThat(head.body()).isEmpty();
    }

    @Test
    void aRangeAboveTheHighestValueIsEmptyWhateverTheRulesStartAndStep() {
        String key = register(
                "STEPPED",
                rule("RS-{seq}").strategy("GAPLESS").start(0L).step(2L).build());
        assertThat(issue(key, 3, alice, null)).containsExactly("RS-0", "RS-2", "RS-4");

        assertThat(numbers(page(key, "", "&from=1"))).containsExactly("RS-2", "RS-4");
        assertThat(numbers(page(key, "", "&from=1&to=3"))).containsExactly("RS-2");
        for (String from : List.of("5", "1000", "9223372036854775806", NO_END)) {
            JsonNode page = page(key, "", "&from=" + from);
            assertThat(page.path("entries").size())
                    .as("from " + from + ", first entry " + page.path("entries").path(0))
                    .isZero();
            assertThat(page.path("nextFrom").isNull()).as("from " + from).isTrue();
        }
    }

    @Test
    void aCounterWhoseVariableValueHoldsASlashIsPagedAsTheCheckNamesIt() {
        // '/' is number text, so a variable's value may hold it, and the check names the counter with it.
        String routed = register(
                "ROUTED",
                rule("RT-{var:route}-{seq:3}")
                        .strategy("GAPLESS")
                        .variable("route", "[A-Z]{2}/[A-Z]{2}")
                        .build());
        assertThat(issue(routed + "&route=" + encoded("EU/DE"), 1, alice, null)).containsExactly("RT-EU/DE-001");

        JsonNode check = check(routed);
        assertCounter(check.path("counters").get(0), "|route=5:EU/DE", 1, 1, 1, 1, 0);
        assertThat(numbers(page(routed, "|route=5:EU/DE", ""))).containsExactly("RT-EU/DE-001");
    }

    @Test
    void aRuleWithVariablesOrADailyResetHasOneCounterPerQualifier() {
        String regional = register(
                "REGIONAL",
                rule("RR-{var:region}-{seq:3}")
                        .strategy("GAPLESS")
                        .variable("region", "[A-Z]{2}")
                        .build());
        assertThat(issue(regional + "&region=EU", 2, alice, null)).containsExactly("RR-EU-001", "RR-EU-002");
        assertThat(issue(regional + "&region=US", 1, bob, null)).containsExactly("RR-US-001");
        assertThat(issue(regional + "&region=EU", 1, bob, null)).containsExactly("RR-EU-003");

        JsonNode check = check(regional);
        assertThat(check.path("complete").asBoolean()).isTrue();
        assertThat(check.path("counters")).hasSize(2);
        assertCounter(check.path("counters").get(0), "|region=2:EU", 1, 3, 2, 3, 0);
        assertCounter(check.path("counters").get(1), "|region=2:US", 1, 1, 1, 1, 0);
        assertThat(numbers(page(regional, "|region=2:EU", ""))).containsExactly("RR-EU-001", "RR-EU-002", "RR-EU-003");
        assertThat(numbers(page(regional, "|region=2:US", ""))).containsExactly("RR-US-001");
        assertThat(numbers(page(regional, "", "")))
                .as("the rule has no counter without a region")
                .isEmpty();
        // The counter goes into the next page's link encoded; following it stays on the counter.
        HttpReply first = api.get(
                        "/api/prefix-configs/" + regional + "/register?limit=1&counter=" + encoded("|region=2:EU"),
                        auditor)
                .expect(200);
        assertThat(first.header("Link")).contains("counter=%7Cregion%3D2%3AEU&from=2&");
        assertThat(numbers(api.get(target(first.header("Link")), auditor)
                        .expect(200)
                        .json()))
                .containsExactly("RR-EU-002");

        String daily = register(
                "DAILY",
                rule("RD-{yyyy}{MM}{dd}-{seq:3}")
                        .strategy("GAPLESS")
                        .reset("DAILY")
                        .build());
        List<String> issued = issue(daily, 2, alice, null);
        // The day is read from the numbers, so a run across midnight names the right one.
        String day = issued.get(0).substring(3, 7) + "-" + issued.get(0).substring(7, 9) + "-"
                + issued.get(0).substring(9, 11);
        JsonNode dailyCheck = check(daily);
        assertThat(dailyCheck.path("counters")).hasSize(1);
        assertCounter(dailyCheck.path("counters").get(0), day, 1, 2, 1, 2, 0);
        assertThat(numbers(page(daily, day, ""))).containsExactlyElementsOf(issued);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameNumbersAndWritesNoSecondRecord() {
        String key = register("RETRY", rule("RT-{seq}").strategy("GAPLESS").build());
        List<String> first = issue(key, 2, alice, "rat-retry");
        assertThat(first).containsExactly("RT-1", "RT-2");
        assertThat(issue(key, 2, alice, "rat-retry")).isEqualTo(first);
        assertThat(issue(key, 2, alice, "rat-retry")).isEqualTo(first);
        assertCounter(check(key).path("counters").get(0), "", 1, 2, 1, 2, 0);

        // Keys belong to the token subject: bob's request with the same key is another request.
        assertThat(issue(key, 2, bob, "rat-retry")).containsExactly("RT-3", "RT-4");
        assertThat(issue(key, 2, bob, "rat-retry")).containsExactly("RT-3", "RT-4");
        assertCounter(check(key).path("counters").get(0), "", 1, 4, 2, 4, 0);
        JsonNode entries = page(key, "", "").path("entries");
        assertEntry(entries.get(0), 1, "RT-1", "ISSUED", "alice", "rat-retry", 1, 2);
        assertEntry(entries.get(1), 2, "RT-2", "ISSUED", "alice", "rat-retry", 1, 2);
        assertEntry(entries.get(2), 3, "RT-3", "ISSUED", "bob", "rat-retry", 3, 4);
        assertEntry(entries.get(3), 4, "RT-4", "ISSUED", "bob", "rat-retry", 3, 4);
    }

    /** Follows the pages from {@code path}, checking each is full but the last, and returns the values in order. */
    private List<Long> walk(String path, int expectedPages) {
        List<Long> values = new ArrayList<>();
        int pages = 0;
        String next = path;
        while (next != null) {
            HttpReply reply = api.get(next, auditor).expect(200);
            pages++;
            JsonNode page = reply.json();
            page.path("entries").forEach(entry -> values.add(entry.path("value").asLong()));
            if (page.path("nextFrom").isNull()) {
                assertThat(reply.header("Link"))
                        .as("the last page links to none")
                        .isNull();
                next = null;
            } else {
                assertThat(reply.header("Link"))
                        .contains("from=" + page.path("nextFrom").asLong() + "&");
                next = target(reply.header("Link"));
            }
        }
        assertThat(pages).as("pages from " + path).isEqualTo(expectedPages);
        return values;
    }

    private static String target(String link) {
        assertThat(link).matches("<[^>]+>; rel=\"next\"");
        return link.substring(1, link.indexOf('>'));
    }

    private static List<Long> values(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    private static void assertEntry(
            JsonNode entry,
            long value,
            String number,
            String state,
            String subject,
            String idempotencyKey,
            long first,
            long last) {
        assertThat(entry.path("value").asLong()).as(entry.toString()).isEqualTo(value);
        assertThat(entry.path("number").asString()).as(entry.toString()).isEqualTo(number);
        assertThat(entry.path("state").asString()).as(entry.toString()).isEqualTo(state);
        JsonNode issued = entry.path("issued");
        assertThat(issued.path("subject").asString()).as(entry.toString()).isEqualTo(subject);
        if (idempotencyKey == null) {
            assertThat(issued.path("idempotencyKey").isNull())
                    .as(entry.toString())
                    .isTrue();
        } else {
            assertThat(issued.path("idempotencyKey").asString())
                    .as(entry.toString())
                    .isEqualTo(idempotencyKey);
        }
        assertThat(issued.path("first").asLong()).as(entry.toString()).isEqualTo(first);
        assertThat(issued.path("last").asLong()).as(entry.toString()).isEqualTo(last);
    }

    private static void assertCounter(
            JsonNode counter, String name, long first, long highest, long records, long issued, long voided) {
        assertThat(counter.path("counter").asString()).as(counter.toString()).isEqualTo(name);
        assertThat(counter.path("first").asLong()).as(counter.toString()).isEqualTo(first);
        assertThat(counter.path("highest").asLong()).as(counter.toString()).isEqualTo(highest);
        assertThat(counter.path("records").asLong()).as(counter.toString()).isEqualTo(records);
        assertThat(counter.path("issued").asLong()).as(counter.toString()).isEqualTo(issued);
        assertThat(counter.path("voided").asLong()).as(counter.toString()).isEqualTo(voided);
        assertThat(counter.path("missingCount").asLong()).as(counter.toString()).isZero();
        assertThat(counter.path("missing")).as(counter.toString()).isEmpty();
        assertThat(counter.path("complete").asBoolean()).as(counter.toString()).isTrue();
    }

    private JsonNode check(String key) {
        return api.get("/api/prefix-configs/" + key + "/register/check", auditor)
                .expect(200)
                .json();
    }

    private JsonNode page(String key, String counter, String query) {
        return api.get("/api/prefix-configs/" + key + "/register?counter=" + encoded(counter) + query, auditor)
                .expect(200)
                .json();
    }

    private static List<String> numbers(JsonNode page) {
        List<String> numbers = new ArrayList<>();
        page.path("entries").forEach(entry -> numbers.add(entry.path("number").asString()));
        return numbers;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Issues {@code count} numbers of {@code key} (which may carry variables: {@code KEY&region=EU}). */
    private List<String> issue(String key, int count, String token, String idempotencyKey) {
        String path = "/api/numbers?prefixKey=" + key + "&count=" + count;
        HttpReply reply = idempotencyKey == null
                ? api.get(path, token)
                : api.getWithHeaders(path, token, "Idempotency-Key", idempotencyKey);
        return reply.numbers();
    }

    private String register(String name, RuleDefinition rule) {
        String key = NAMES.key(name);
        String writer = SUBJECTS.token(issuer, "writer", "prefix-configs:write");
        HttpReply created = api.putRule(key, writer, rule);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return key;
    }
}
