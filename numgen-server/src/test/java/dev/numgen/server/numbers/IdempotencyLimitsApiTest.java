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
import org.springframework.test.context.TestPropertySource;

/** A client's Idempotency-Key records are bounded: past the bound a new key gets 429 and nothing is stored. */
@LocalNodeTest
@TestPropertySource(properties = "numgen.idempotency.max-keys-per-client=3")
class IdempotencyLimitsApiTest {

    private static final TestNames NAMES = TestNames.of(IdempotencyLimitsApiTest.class);

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

    private final String bounded = NAMES.key("BOUNDED");

    private HttpReply issue(String key) {
        return api.getWithHeaders("/api/numbers?prefixKey=" + bounded, generator, "Idempotency-Key", key);
    }

    @Test
    void keyPastTheClientsLimitIsRefusedAndIssuesAndStoresNothing() {
        String writer = DevIssuerClient.token(issuer.port(), "prefix-configs:write");
        assertThat(api.putRule(
                                bounded,
                                writer,
                                rule("B-{seq}").strategy("GAPLESS").build())
                        .status())
                .isEqualTo(201);
        for (String key : new String[] {"k1", "k2", "k3"}) {
            assertThat(issue(key).status()).isEqualTo(200);
        }

        HttpReply refused = issue("k4");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("type").asString()).isEqualTo("/problems/idempotency-limit-reached");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(25 * 3600L, 26 * 3600L);
        // Nothing was stored for k4 (not busy, not answered) and nothing issued: B-4 is still the next number.
        assertThat(issue("k4").status()).isEqualTo(429);
        assertThat(issue("k1").numbers()).containsExactly("B-1");
        assertThat(api.get("/api/numbers?prefixKey=" + bounded, generator).numbers())
                .containsExactly("B-4");
    }

    @Test
    void keyWithSpacesOrPastItsLengthIsAnInvalidRequest() {
        for (String key : new String[] {"order 77", "k".repeat(256)}) {
            HttpReply reply = issue(key);
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().path("field").asString()).isEqualTo("Idempotency-Key");
        }
    }
}
