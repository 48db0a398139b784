package dev.numgen.server.rules;

import static dev.numgen.rule.RuleDefinitions.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.rule.RuleDefinition;
import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.DevIssuerClient;
import dev.numgen.server.testing.HttpReply;
import dev.numgen.server.testing.LocalNodeTest;
import dev.numgen.server.testing.RuleJson;
import dev.numgen.server.testing.TestNames;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@LocalNodeTest
class PrefixConfigApiTest {

    private static final TestNames NAMES = TestNames.of(PrefixConfigApiTest.class);

    @LocalServerPort
    int port;

    @Autowired
    DevIssuer issuer;

    private ApiClient api;
    private String writer;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        writer = DevIssuerClient.token(issuer.port(), "prefix-configs:write", "prefix-configs:read");
    }

    @Test
    void putCreatesThenIsIdempotentThenVersionsChanges() {
        String invoice = NAMES.key("INVOICE");
        RuleDefinition rule = rule("INV-{yyyy}-{seq:5}")
                .reset("YEARLY")
                .timeZone("Europe/Berlin")
                .build();
        HttpReply created = api.putRule(invoice, writer, rule);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/prefix-configs/" + invoice);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        JsonNode body = created.json();
        assertThat(body.path("maxValue").asLong()).isEqualTo(99_999);
        assertThat(body.path("changedBy").asString()).isEqualTo("numgen-local");

        HttpReply again = api.putRule(invoice, writer, rule);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo("\"1\"");

        String changed = RuleJson.of(rule("IN-{yyyy}-{seq:5}")
                .reset("YEARLY")
                .timeZone("Europe/Berlin")
                .build());
        HttpReply stale = api.put("/api/prefix-configs/" + invoice, writer, changed, "\"7\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().path("type").asString()).endsWith("/version-mismatch");

        HttpReply updated = api.put("/prefix-configs/" + invoice, writer, changed, "\"1\"");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");

        HttpReply read = api.get("/api/prefix-configs/" + invoice, writer);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"2\"");
        assertThat(read.json().path("format").asString()).isEqualTo("IN-{yyyy}-{seq:5}");

        JsonNode changes = api.get("/api/prefix-configs/" + invoice + "/changes", writer)
                .expect(200)
                .json();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1).path("oldVersion").asLong()).isEqualTo(1);
        assertThat(changes.get(1).path("newVersion").asLong()).isEqualTo(2);

        JsonNode all = api.get("/prefix-configs", writer).expect(200).json();
        assertThat(all.findValuesAsString("prefixKey")).contains(invoice);
    }

    @Test
    void illegalFormatIsA422ProblemNamingThePosition() {
        String bad = NAMES.key("BAD");
        HttpReply reply = api.putRule(bad, writer, rule("ORD {seq}").build());
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("type").asString()).isEqualTo("/problems/invalid-rule");
        assertThat(problem.path("field").asString()).isEqualTo("format");
        assertThat(problem.path("position").asInt()).isEqualTo(3);
        assertThat(api.get("/api/prefix-configs/" + bad, writer).status()).isEqualTo(404);
    }

    @Test
    void malformedJsonAndBadKeysAre400ProblemsWithoutInternals() {
        HttpReply broken = api.put("/api/prefix-configs/" + NAMES.key("X1"), writer, "{\"format\":");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().path("type").asString()).isEqualTo("/problems/invalid-request");
        assertThat(broken.body()).doesNotContain("tools.jackson", "Exception", "at dev.");
        HttpReply badKey = api.putRule("-bad", writer, rule("A{seq}").build());
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.json().path("field").asString()).isEqualTo("prefixKey");
    }

    @Test
    void variablePatternsBeyondLinearMatchingOrTooLongAre422ProblemsNamingTheVariable() {
        String key = NAMES.key("PATTERN");
        for (String pattern : new String[] {"([A-Z])\\1", "(?=A)[A-Z]+", "[A-Z]" + "x?".repeat(126)}) {
            HttpReply reply = api.putRule(
                    key,
                    writer,
                    rule("R-{var:region}-{seq}").variable("region", pattern).build());
            assertThat(reply.status()).as(pattern).isEqualTo(422);
            assertThat(reply.json().path("type").asString()).endsWith("/invalid-rule");
            assertThat(reply.json().path("field").asString()).isEqualTo("variables");
            assertThat(reply.json().path("detail").asString()).contains("region");
        }
        assertThat(api.get("/api/prefix-configs/" + key, writer).status()).isEqualTo(404);
    }

    @Test
    void variablesNamedLikeTheIssuingParametersAreRefused() {
        for (String name : new String[] {"count", "prefixKey"}) {
            String key = NAMES.key("NAMED-" + name);
            HttpReply reply = api.putRule(
                    key,
                    writer,
                    rule("V-{var:" + name + "}-{seq}")
                            .variable(name, "[A-Z]{2}")
                            .build());
            assertThat(reply.status()).as(name).isEqualTo(422);
            assertThat(reply.json().path("type").asString()).endsWith("/invalid-rule");
            assertThat(reply.json().path("field").asString()).isEqualTo("variables");
            assertThat(reply.json().path("detail").asString()).contains(name);
            assertThat(api.get("/api/prefix-configs/" + key, writer).status()).isEqualTo(404);
        }
    }

    @Test
    void ruleBodiesThatAreNotExactlyRightAre400sNamingTheJsonPath() {
        Map<String, String> faults = new LinkedHashMap<>();
        faults.put("{\"format\":\"S-{seq:3}\",\"maxValue\":1.5}", "maxValue");
        faults.put("{\"format\":\"S-{seq:3}\",\"reserveSize\":1.9}", "reserveSize");
        faults.put("{\"format\":\"S-{seq:3}\",\"start\":\"5\"}", "start");
        faults.put("{\"format\":\"S-{seq:3}\",\"colour\":\"red\"}", "colour");
        faults.put("{\"format\":5}", "format");
        faults.put("{\"format\":\"S-{seq:3}\",\"variables\":\"none\"}", "variables");
        faults.put(
                "{\"format\":\"S-{var:r}{seq:3}\",\"variables\":{\"r\":{\"pattern\":\"[A-Z]\",\"maxLength\":\"3\"}}}",
                "variables.r.maxLength");
        faults.put(
                "{\"format\":\"S-{var:r}{seq:3}\",\"variables\":{\"r\":{\"pattern\":\"[A-Z]\",\"required\":1}}}",
                "variables.r.required");
        faults.put("{\"format\":\"S-{seq:3}\",\"format\":\"T-{seq:3}\"}", "format");
        String key = NAMES.key("STRICT");
        faults.forEach((body, field) -> {
            HttpReply reply = api.put("/api/prefix-configs/" + key, writer, body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.json().path("type").asString()).as(body).endsWith("/invalid-request");
            assertThat(reply.json().path("field").asString()).as(body).isEqualTo(field);
            assertThat(reply.body()).as(body).doesNotContain("tools.jackson", "dev.numgen", "Exception");
        });
        for (String body : new String[] {"null", "5", "[]", "{\"format\":\"S-{seq:3}\"} {}"}) {
            HttpReply reply = api.put("/api/prefix-configs/" + key, writer, body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.json().path("type").asString()).as(body).endsWith("/invalid-request");
        }
        assertThat(api.get("/api/prefix-configs/" + key, writer).status()).isEqualTo(404);
    }

    @Test
    void aPutThatSendsReadOnlyFieldsIsA400PointingToIfMatch() {
        String key = NAMES.key("READONLY");
        HttpReply put = api.putRule(key, writer, rule("RO-{seq}").build());
        assertThat(put.status()).isEqualTo(201);
        JsonNode created = put.json();
        assertThat(created.path("version").asLong()).isEqualTo(1);
        assertThat(created.path("changedBy").asString()).isEqualTo("numgen-local");
        assertThat(created.path("changedAt").asString()).isNotBlank();
        for (String field : new String[] {"version", "changedBy", "changedAt"}) {
            String body = "{\"format\":\"RO2-{seq}\",\"" + field + "\":" + created.path(field) + "}";
            HttpReply reply = api.put("/api/prefix-configs/" + key, writer, body);
            assertThat(reply.status()).as(field).isEqualTo(400);
            assertThat(reply.json().path("field").asString()).isEqualTo(field);
            assertThat(reply.json().path("detail").asString()).contains("read-only", "If-Match");
        }
        assertThat(api.get("/api/prefix-configs/" + key, writer)
                        .expect(200)
                        .json()
                        .path("format")
                        .asString())
                .isEqualTo("RO-{seq}");
        HttpReply keyed = api.put(
                "/api/prefix-configs/" + key, writer, "{\"prefixKey\":\"" + key + "\",\"format\":\"RO-{seq}\"}");
        assertThat(keyed.status()).isEqualTo(200);
    }

    /** Written out as JSON: the escapes themselves are under test. */
    @Test
    void descriptionsWithControlOrInvisibleFormattingCharactersAreRefused() {
        String key = NAMES.key("DESCRIBED");
        for (String description : new String[] {
            "a\\u0007b", "line\\nbreak", "tab\\there", "a\\u2028b", "abc\\u202Efed", "a\\u200Bb", "a\\ud800b"
        }) {
            HttpReply reply = api.put(
                    "/api/prefix-configs/" + key,
                    writer,
                    "{\"format\":\"D-{seq}\",\"description\":\"" + description + "\"}");
            assertThat(reply.status()).as(description).isEqualTo(422);
            assertThat(reply.json().path("type").asString()).as(description).isEqualTo("/problems/invalid-rule");
            assertThat(reply.json().path("field").asString()).as(description).isEqualTo("description");
        }
        assertThat(api.get("/api/prefix-configs/" + key, writer).status()).isEqualTo(404);
        assertThat(api.putRule(
                                key,
                                writer,
                                rule("D-{seq}").description("Aufträge – Nord").build())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void resetTheFormatCannotShowIsA409() {
        HttpReply reply = api.putRule(
                NAMES.key("DAYLESS"),
                writer,
                rule("D-{yyyy}-{seq}").reset("DAILY").build());
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().path("type").asString()).endsWith("/rule-change-refused");
    }

    @Test
    void unknownRuleIsA404Problem() {
        HttpReply reply = api.get("/api/prefix-configs/" + NAMES.key("NOSUCH"), writer);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("type").asString()).endsWith("/prefix-not-registered");
    }
}
