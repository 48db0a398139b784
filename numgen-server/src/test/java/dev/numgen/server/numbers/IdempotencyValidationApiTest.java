package dev.numgen.server.numbers;

import static dev.numgen.rule.RuleDefinitions.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.DevIssuerClient;
import dev.numgen.server.testing.HttpReply;
import dev.numgen.server.testing.LocalNodeTest;
import dev.numgen.server.testing.TestNames;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A request with an Idempotency-Key is checked before its key is claimed: an invalid one is a 400 naming the field,
 * and it uses none of the client's keys.
 */
@LocalNodeTest
@TestPropertySource(properties = "numgen.idempotency.max-keys-per-client=2")
class IdempotencyValidationApiTest {

    private static final TestNames NAMES = TestNames.of(IdempotencyValidationApiTest.class);

    @LocalServerPort
    int port;

    @Autowired
    DevIssuer issuer;

    @Test
    void anInvalidCountWithAFreshKeyIsA400AndUsesNoneOfTheClientsKeys() {
        ApiClient api = new ApiClient(port);
        String writer = DevIssuerClient.token(issuer.port(), "prefix-configs:write");
        String generator = DevIssuerClient.token(issuer.port(), "numbers:generate");
        String checked = NAMES.key("CHECKED");
        assertThat(api.putRule(
                                checked,
                                writer,
                                rule("C-{seq}").strategy("GAPLESS").build())
                        .status())
                .isEqualTo(201);

        for (String count : new String[] {"200000", "-5", "0"}) {
            HttpReply posted = api.postWithHeaders(
                    "/api/numbers",
                    generator,
                    "{\"prefixKey\":\"" + checked + "\",\"count\":" + count + "}",
                    "Idempotency-Key",
                    "a");
            assertThat(posted.status()).as("count " + count).isEqualTo(400);
            assertThat(posted.json().path("type").asString()).isEqualTo("/problems/invalid-request");
            assertThat(posted.json().path("field").asString()).isEqualTo("count");
        }
        HttpReply zero =
                api.getWithHeaders("/api/numbers?prefixKey=" + checked + "&count=0", generator, "Idempotency-Key", "b");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().path("field").asString()).isEqualTo("count");

        // Both keys are still the client's to use, the very keys of the refused requests included, and nothing
        // was issued for those: C-1 is the first number.
        assertThat(api.getWithHeaders("/api/numbers?prefixKey=" + checked, generator, "Idempotency-Key", "a")
                        .numbers())
                .containsExactly("C-1");
        assertThat(api.getWithHeaders("/api/numbers?prefixKey=" + checked, generator, "Idempotency-Key", "b")
                        .status())
                .isEqualTo(200);
        assertThat(api.getWithHeaders("/api/numbers?prefixKey=" + checked, generator, "Idempotency-Key", "c")
                        .status())
                .isEqualTo(429);
    }
}
