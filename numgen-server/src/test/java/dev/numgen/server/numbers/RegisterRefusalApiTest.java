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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What the register routes refuse: query parameters out of range or not exactly whole numbers, a counter that no rule
 * could have, a prefix that is not registered, a rule that keeps no register (SEGMENT, SNOWFLAKE), and a token without
 * {@code prefix-configs:read}. Each is an RFC 9457 problem naming the field at fault.
 */
@LocalNodeTest
class RegisterRefusalApiTest {

    private static final TestNames NAMES = TestNames.of(RegisterRefusalApiTest.class);

    @LocalServerPort
    int port;

    @Autowired
    DevIssuer issuer;

    private ApiClient api;
    private String auditor;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        auditor = DevIssuerClient.token(issuer.port(), "prefix-configs:read");
    }

    @Test
    void rangeAndLimitOutsideTheirBoundsAre400sNamingTheField() {
        String key = gaplessWithNumbers("RANGE");
        for (String from : List.of("-1", "abc", "", "0x10", "1.5", "+1", "%201", "1e3", "9223372036854775808")) {
            assertInvalid(register(key) + "?from=" + from, "from");
        }
        for (String to : List.of("-1", "abc", "", "99999999999999999999")) {
            assertInvalid(register(key) + "?to=" + to, "to");
        }
        assertInvalid(register(key) + "?from=5&to=4", "to");
        for (String limit : List.of("0", "1001", "-1", "ten", "", "2147483648")) {
            assertInvalid(register(key) + "?limit=" + limit, "limit");
        }
        assertInvalid(register(key) + "?from=1&from=2", "from");
        assertInvalid(register(key) + "?limit=1&limit=2", "limit");
        // The bounds themselves are served.
        assertThat(api.get(register(key) + "?from=0&to=9223372036854775807&limit=1000", auditor)
                        .status())
                .isEqualTo(200);
        assertThat(api.get(register(key) + "?from=3&to=3&limit=1", auditor)
                        .expect(200)
                        .json()
                        .path("entries"))
                .hasSize(1);
    }

    @Test
    void aCounterNoRuleCouldHaveIsA400NamingIt() {
        String key = gaplessWithNumbers("COUNTER");
        for (String counter : List.of("a%20b", "%7E", "%C3%A9", "x".repeat(2001), "a&counter=b")) {
            assertInvalid(register(key) + "?counter=" + counter, "counter");
        }
        // As long as the bound, of every character a counter has, is only a counter the rule does not hold.
        String longest = "2026-11-25|region=2:EU" + "x".repeat(2000 - 22);
        assertThat(api.get(register(key) + "?counter=" + longest.replace("|", "%7C"), auditor)
                        .expect(200)
                        .json()
                        .path("entries"))
                .isEmpty();
    }

    @Test
    void anUnknownOrMalformedPrefixIsRefused() {
        for (String path : List.of(
                "/api/prefix-configs/RegisterRefusal-NONE/register",
                "/api/prefix-configs/RegisterRefusal-NONE/register/check")) {
            HttpReply missing = api.get(path, auditor);
            assertProblem(missing, 404, "/problems/prefix-not-registered");
        }
        for (String key : List.of("-leading-dash", "k".repeat(65))) {
            assertInvalid("/api/prefix-configs/" + key + "/register", "prefixKey");
            assertInvalid("/api/prefix-configs/" + key + "/register/check", "prefixKey");
        }
    }

    @Test
    void aRuleThatKeepsNoRegisterIsA400NamingThePrefixKey() {
        String segment = register("SEGMENT", rule("RS-{seq}").build());
        String snowflake =
                register("SNOWFLAKE", rule("RF-{seq}").strategy("SNOWFLAKE").build());
        String generator = DevIssuerClient.token(issuer.port(), "numbers:generate");
        api.get("/api/numbers?prefixKey=" + segment, generator).expect(200);
        api.get("/api/numbers?prefixKey=" + snowflake, generator).expect(200);
        for (String key : List.of(segment, snowflake)) {
            String strategy = key.equals(segment) ? "SEGMENT" : "SNOWFLAKE";
            for (String path : List.of(register(key), register(key) + "/check")) {
                JsonNode problem = assertInvalid(path, "prefixKey");
                assertThat(problem.path("detail").asString()).contains("GAPLESS", strategy);
            }
        }
    }

    @Test
    void aTokenWithoutPrefixConfigsReadIsForbiddenOnBothRoutesAndSpellings() {
        String key = gaplessWithNumbers("SCOPE");
        String everyOtherScope =
                DevIssuerClient.token(issuer.port(), "numbers:generate", "prefix-configs:write", "numbers:admin");
        for (String path : List.of(
                "/api/prefix-configs/" + key + "/register",
                "/prefix-configs/" + key + "/register",
                "/api/prefix-configs/" + key + "/register/check",
                "/prefix-configs/" + key + "/register/check")) {
            assertProblem(api.get(path, everyOtherScope), 403, "/problems/forbidden");
            assertThat(api.send("HEAD", path, everyOtherScope, null).status())
                    .as("HEAD " + path)
                    .isEqualTo(403);
            assertProblem(api.get(path, null), 401, "/problems/unauthorized");
            assertThat(api.get(path, auditor).status()).as(path).isEqualTo(200);
        }
    }

    private JsonNode assertInvalid(String path, String field) {
        HttpReply reply = api.get(path, auditor);
        assertProblem(reply, 400, "/problems/invalid-request");
        assertThat(reply.json().path("field").asString())
                .as(path + ": " + reply.body())
                .isEqualTo(field);
        return reply.json();
    }

    private static void assertProblem(HttpReply reply, int status, String type) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asString()).as(reply.body()).isEqualTo(type);
        assertThat(reply.json().path("status").asInt()).isEqualTo(status);
    }

    private static String register(String key) {
        return "/api/prefix-configs/" + key + "/register";
    }

    /** A GAPLESS rule of this class with numbers 1..5 issued. */
    private String gaplessWithNumbers(String name) {
        String key = register(name, rule("RG-{seq}").strategy("GAPLESS").build());
        String generator = DevIssuerClient.token(issuer.port(), "numbers:generate");
        assertThat(api.get("/api/numbers?prefixKey=" + key + "&count=5", generator)
                        .numbers())
                .hasSize(5);
        return key;
    }

    private String register(String name, RuleDefinition rule) {
        String key = NAMES.key(name);
        String writer = DevIssuerClient.token(issuer.port(), "prefix-configs:write");
        HttpReply created = api.putRule(key, writer, rule);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return key;
    }
}
