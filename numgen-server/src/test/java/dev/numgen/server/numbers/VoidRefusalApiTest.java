package dev.numgen.server.numbers;

import static dev.numgen.rule.RuleDefinitions.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.rule.RuleDefinition;
import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.DevIssuerClient;
import dev.numgen.server.testing.HttpReply;
import dev.numgen.server.testing.LocalNodeTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Only GAPLESS numbers are voided: an issued number of a SEGMENT or SNOWFLAKE rule is refused with 409
 * {@code void-refused}, and no void is recorded. (Voiding GAPLESS numbers is in NumberApiTest.)
 */
@LocalNodeTest
class VoidRefusalApiTest {

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
        admin = DevIssuerClient.token(issuer.port(), "numbers:admin", "prefix-configs:read");
    }

    @Test
    void anIssuedSegmentNumberIsNotVoided() {
        register("VRA-SEGMENT", rule("VS-{seq:4}").build());
        String number = issueOne("VRA-SEGMENT");
        assertThat(number).isEqualTo("VS-0001");

        assertVoidRefused("VRA-SEGMENT", number, "SEGMENT");
        assertThat(api.get("/api/prefix-configs/VRA-SEGMENT/voids", admin)
                        .expect(200)
                        .json())
                .isEmpty();
        // The refused void changed nothing: the rule goes on issuing after the number.
        assertThat(issueOne("VRA-SEGMENT")).isEqualTo("VS-0002");
    }

    @Test
    void anIssuedSnowflakeIdIsNotVoided() {
        register("VRA-SNOWFLAKE", rule("VF-{seq}").strategy("SNOWFLAKE").build());
        String number = issueOne("VRA-SNOWFLAKE");

        assertVoidRefused("VRA-SNOWFLAKE", number, "SNOWFLAKE");
        assertThat(api.get("/api/prefix-configs/VRA-SNOWFLAKE/voids", admin)
                        .expect(200)
                        .json())
                .isEmpty();
    }

    private void assertVoidRefused(String prefixKey, String number, String strategy) {
        HttpReply refused = api.post(
                "/api/numbers/" + number + "/void",
                admin,
                "{\"prefixKey\":\"" + prefixKey + "\",\"reason\":\"customer cancelled\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asString()).isEqualTo("/problems/void-refused");
        assertThat(refused.json().path("status").asInt()).isEqualTo(409);
        // Refused for its strategy, not because the number was unknown: the detail names it.
        assertThat(refused.json().path("detail").asString()).contains("GAPLESS", strategy);
    }

    private void register(String key, RuleDefinition rule) {
        String writer = DevIssuerClient.token(issuer.port(), "prefix-configs:write");
        assertThat(api.putRule(key, writer, rule).status()).isEqualTo(201);
    }

    private String issueOne(String key) {
        HttpReply reply = api.get("/api/numbers?prefixKey=" + key, generator);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Numgen-Mode")).isEqualTo("NORMAL");
        return reply.json().path("numbers").get(0).asString();
    }
}
