package dev.numgen.server.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.rule.RuleDefinition;
import dev.numgen.rule.RuleDefinitions;
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
 * A rule's strategy may change until it issues its first number; after that a PUT with another strategy is refused
 * with 409 {@code rule-change-refused} naming {@code strategy}, and the rule stays as it was.
 */
@LocalNodeTest
class StrategyChangeApiTest {

    @LocalServerPort
    int port;

    @Autowired
    DevIssuer issuer;

    private ApiClient api;
    private String writer;
    private String generator;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        writer = DevIssuerClient.token(issuer.port(), "prefix-configs:write", "prefix-configs:read");
        generator = DevIssuerClient.token(issuer.port(), "numbers:generate");
    }

    @Test
    void strategyMayChangeWhileTheRuleHasIssuedNothing() {
        assertThat(api.putRule("SCA-FRESH", writer, rule("SEGMENT")).status()).isEqualTo(201);

        HttpReply changed = api.putRule("SCA-FRESH", writer, rule("GAPLESS"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"2\"");
        assertThat(changed.json().path("strategy").asString()).isEqualTo("GAPLESS");
        assertThat(issue("SCA-FRESH")).isEqualTo("SC-1");
    }

    @Test
    void segmentRuleThatIssuedKeepsItsStrategy() {
        assertRefusedOnceIssued("SCA-SEGMENT", "SEGMENT", "GAPLESS", "SNOWFLAKE");
    }

    @Test
    void gaplessRuleThatIssuedKeepsItsStrategy() {
        assertRefusedOnceIssued("SCA-GAPLESS", "GAPLESS", "SEGMENT", "SNOWFLAKE");
    }

    @Test
    void snowflakeRuleThatIssuedKeepsItsStrategy() {
        assertRefusedOnceIssued("SCA-SNOWFLAKE", "SNOWFLAKE", "SEGMENT", "GAPLESS");
    }

    private void assertRefusedOnceIssued(String key, String strategy, String... others) {
        assertThat(api.putRule(key, writer, rule(strategy)).status()).isEqualTo(201);
        String first = issue(key);

        for (String other : others) {
            HttpReply refused = api.putRule(key, writer, rule(other));
            assertThat(refused.status()).as(strategy + " -> " + other).isEqualTo(409);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().path("type").asString()).isEqualTo("/problems/rule-change-refused");
            assertThat(refused.json().path("field").asString()).isEqualTo("strategy");
        }

        HttpReply read = api.get("/api/prefix-configs/" + key, writer).expect(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.json().path("strategy").asString()).isEqualTo(strategy);
        assertThat(api.get("/api/prefix-configs/" + key + "/changes", writer)
                        .expect(200)
                        .json())
                .hasSize(1);
        assertThat(issue(key)).isNotEqualTo(first);
    }

    /** The same rule under each strategy: a bare {@code {seq}} and no reset suit all three. */
    private static RuleDefinition rule(String strategy) {
        return RuleDefinitions.rule("SC-{seq}").strategy(strategy).build();
    }

    private String issue(String key) {
        HttpReply reply = api.get("/api/numbers?prefixKey=" + key, generator);
        assertThat(reply.status()).isEqualTo(200);
        return reply.json().path("numbers").get(0).asString();
    }
}
