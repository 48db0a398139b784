package dev.numgen.server.numbers;

import static dev.numgen.rule.RuleDefinitions.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.DevIssuerClient;
import dev.numgen.server.testing.HttpReply;
import dev.numgen.server.testing.LocalNodeTest;
import dev.numgen.server.testing.TestNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A rule's quota per client over HTTP: 429 quota-exceeded with Retry-After past it. */
@LocalNodeTest
class QuotaApiTest {

    private static final TestNames NAMES = TestNames.of(QuotaApiTest.class);

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
    void aClientPastTheRulesQuotaGets429WithRetryAfter() {
        String quota5 = NAMES.key("QUOTA5");
        assertThat(api.putRule(quota5, writer, rule("Q-{seq}").quota(5).build()).status())
                .isEqualTo(201);
        assertThat(api.get("/api/prefix-configs/" + quota5, writer)
                        .expect(200)
                        .json()
                        .path("quota")
                        .asInt())
                .isEqualTo(5);
        assertThat(api.get("/api/numbers?prefixKey=" + quota5 + "&count=5", generator)
                        .numbers())
                .hasSize(5);

        HttpReply refused = api.get("/api/numbers?prefixKey=" + quota5 + "&count=1", generator);
        assertThat(refused.status()).isEqualTo(429);
        // One number at 5 per minute returns within 12 s.
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 12);
        JsonNode problem = refused.json();
        assertThat(problem.path("type").asString()).isEqualTo("/problems/quota-exceeded");
        assertThat(problem.path("prefixKey").asString()).isEqualTo(quota5);
    }

    @Test
    void aQuotaOutOfRangeIsAnInvalidRule() {
        HttpReply reply = api.putRule(
                NAMES.key("QUOTA0"), writer, rule("Q-{seq}").quota(0).build());
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("field").asString()).isEqualTo("quota");
    }
}
