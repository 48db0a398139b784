package dev.numgen.server.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.DevIssuerClient;
import dev.numgen.server.testing.HttpReply;
import dev.numgen.server.testing.LocalNodeTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@LocalNodeTest
class PrefixConfigApiTest {

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
        String rule = "{\"format\":\"INV-{yyyy}-{seq:5}\",\"reset\":\"YEARLY\",\"timeZone\":\"Europe/Berlin\"}";
        HttpReply created = api.put("/api/prefix-configs/INVOICE", writer, rule);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/prefix-configs/INVOICE");
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        JsonNode body = created.json();
        assertThat(body.path("maxValue").asLong()).isEqualTo(99_999);
        assertThat(body.path("changedBy").asString()).isEqualTo("numgen-local");

        HttpReply again = api.put("/api/prefix-configs/INVOICE", writer, rule);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo("\"1\"");

        String changed = rule.replace("INV-", "IN-");
        HttpReply stale = api.put("/api/prefix-configs/INVOICE", writer, changed, "\"7\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().path("type").asString()).endsWith("/version-mismatch");

        HttpReply updated = api.put("/prefix-configs/INVOICE", writer, changed, "\"1\"");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");

        HttpReply read = api.get("/api/prefix-configs/INVOICE", writer);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"2\"");
        assertThat(read.json().path("format").asString()).isEqualTo("IN-{yyyy}-{seq:5}");

        JsonNode changes =
                api.get("/api/prefix-configs/INVOICE/changes", writer).json();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1).path("oldVersion").asLong()).isEqualTo(1);
        assertThat(changes.get(1).path("newVersion").asLong()).isEqualTo(2);

        JsonNode all = api.get("/prefix-configs", writer).json();
        assertThat(all.findValuesAsString("prefixKey")).contains("INVOICE");
    }

    @Test
    void illegalFormatIsA422ProblemNamingThePosition() {
        HttpReply reply = api.put("/api/prefix-configs/BAD", writer, "{\"format\":\"ORD {seq}\"}");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("type").asString()).isEqualTo("/problems/invalid-rule");
        assertThat(problem.path("field").asString()).isEqualTo("format");
        assertThat(problem.path("position").asInt()).isEqualTo(3);
        assertThat(api.get("/api/prefix-configs/BAD", writer).status()).isEqualTo(404);
    }

    @Test
    void malformedJsonAndBadKeysAre400ProblemsWithoutInternals() {
        HttpReply broken = api.put("/api/prefix-configs/X1", writer, "{\"format\":");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body()).doesNotContain("tools.jackson", "Exception", "at dev.");
        HttpReply badKey = api.put("/api/prefix-configs/-bad", writer, "{\"format\":\"A{seq}\"}");
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.json().path("field").asString()).isEqualTo("prefixKey");
    }

    @Test
    void variablePatternsBeyondLinearMatchingOrTooLongAre422ProblemsNamingTheVariable() {
        for (String pattern : new String[] {"([A-Z])\\\\1", "(?=A)[A-Z]+", "[A-Z]" + "x?".repeat(126)}) {
            String rule = "{\"format\":\"R-{var:region}-{seq}\",\"variables\":{\"region\":{\"pattern\":\"" + pattern
                    + "\"}}}";
            HttpReply reply = api.put("/api/prefix-configs/PATTERN", writer, rule);
            assertThat(reply.status()).as(pattern).isEqualTo(422);
            assertThat(reply.json().path("type").asString()).endsWith("/invalid-rule");
            assertThat(reply.json().path("field").asString()).isEqualTo("variables");
            assertThat(reply.json().path("detail").asString()).contains("region");
        }
        assertThat(api.get("/api/prefix-configs/PATTERN", writer).status()).isEqualTo(404);
    }

    @Test
    void variablesNamedLikeTheIssuingParametersAreRefused() {
        for (String name : new String[] {"count", "prefixKey"}) {
            String rule = "{\"format\":\"V-{var:" + name + "}-{seq}\",\"variables\":{\"" + name
                    + "\":{\"pattern\":\"[A-Z]{2}\"}}}";
            HttpReply reply = api.put("/api/prefix-configs/NAMED-" + name, writer, rule);
            assertThat(reply.status()).as(name).isEqualTo(422);
            assertThat(reply.json().path("type").asString()).endsWith("/invalid-rule");
            assertThat(reply.json().path("field").asString()).isEqualTo("variables");
            assertThat(reply.json().path("detail").asString()).contains(name);
            assertThat(api.get("/api/prefix-configs/NAMED-" + name, writer).status())
                    .isEqualTo(404);
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
        faults.forEach((body, field) -> {
            HttpReply reply = api.put("/api/prefix-configs/STRICT", writer, body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.json().path("type").asString()).as(body).endsWith("/invalid-request");
            assertThat(reply.json().path("field").asString()).as(body).isEqualTo(field);
            assertThat(reply.body()).as(body).doesNotContain("tools.jackson", "dev.numgen", "Exception");
        });
        for (String body : new String[] {"null", "5", "[]", "{\"format\":\"S-{seq:3}\"} {}"}) {
            HttpReply reply = api.put("/api/prefix-configs/STRICT", writer, body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.json().path("type").asString()).as(body).endsWith("/invalid-request");
        }
        assertThat(api.get("/api/prefix-configs/STRICT", writer).status()).isEqualTo(404);
    }

    @Test
    void aPutThatSendsReadOnlyFieldsIsA400PointingToIfMatch() {
        String rule = "{\"format\":\"RO-{seq}\"}";
        JsonNode created = api.put("/api/prefix-configs/READONLY", writer, rule).json();
        assertThat(created.path("version").asLong()).isEqualTo(1);
        assertThat(created.path("changedBy").asString()).isEqualTo("numgen-local");
        assertThat(created.path("changedAt").asString()).isNotBlank();
        for (String field : new String[] {"version", "changedBy", "changedAt"}) {
            String body = "{\"format\":\"RO2-{seq}\",\"" + field + "\":" + created.path(field) + "}";
            HttpReply reply = api.put("/api/prefix-configs/READONLY", writer, body);
            assertThat(reply.status()).as(field).isEqualTo(400);
            assertThat(reply.json().path("field").asString()).isEqualTo(field);
            assertThat(reply.json().path("detail").asString()).contains("read-only", "If-Match");
        }
        assertThat(api.get("/api/prefix-configs/READONLY", writer)
                        .json()
                        .path("format")
                        .asString())
                .isEqualTo("RO-{seq}");
        HttpReply keyed =
                api.put("/api/prefix-configs/READONLY", writer, "{\"prefixKey\":\"READONLY\",\"format\":\"RO-{seq}\"}");
        assertThat(keyed.status()).isEqualTo(200);
    }

    @Test
    void descriptionsWithControlOrInvisibleFormattingCharactersAreRefused() {
        for (String description : new String[] {
            "a\\u0007b", "line\\nbreak", "tab\\there", "a\\u2028b", "abc\\u202Efed", "a\\u200Bb", "a\\ud800b"
        }) {
            HttpReply reply = api.put(
                    "/api/prefix-configs/DESCRIBED",
                    writer,
                    "{\"format\":\"D-{seq}\",\"description\":\"" + description + "\"}");
            assertThat(reply.status()).as(description).isEqualTo(422);
            assertThat(reply.json().path("type").asString()).as(description).isEqualTo("/problems/invalid-rule");
            assertThat(reply.json().path("field").asString()).as(description).isEqualTo("description");
        }
        assertThat(api.get("/api/prefix-configs/DESCRIBED", writer).status()).isEqualTo(404);
        assertThat(api.put(
                                "/api/prefix-configs/DESCRIBED",
                                writer,
                                "{\"format\":\"D-{seq}\",\"description\":\"Aufträge – Nord\"}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void resetTheFormatCannotShowIsA409() {
        HttpReply reply =
                api.put("/api/prefix-configs/DAYLESS", writer, "{\"format\":\"D-{yyyy}-{seq}\",\"reset\":\"DAILY\"}");
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().path("type").asString()).endsWith("/rule-change-refused");
    }

    @Test
    void unknownRuleIsA404Problem() {
        HttpReply reply = api.get("/api/prefix-configs/NOSUCH", writer);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("type").asString()).endsWith("/prefix-not-registered");
    }
}
