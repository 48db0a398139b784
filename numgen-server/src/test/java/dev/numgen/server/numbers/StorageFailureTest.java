package dev.numgen.server.numbers;

import static dev.numgen.rule.RuleDefinitions.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.DevIssuerClient;
import dev.numgen.server.testing.HttpReply;
import dev.numgen.server.testing.LocalNodeTest;
import dev.numgen.server.testing.TestNames;
import dev.numgen.testing.Await;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * When the cluster store cannot be used: a SEGMENT rule falls back to provisional numbers, saying so (G5 in
 * docs/guarantees.md); GAPLESS numbers and rule changes get a 503 problem, and nothing regular is issued or changed.
 */
@LocalNodeTest
@DirtiesContext
class StorageFailureTest {

    private static final TestNames NAMES = TestNames.of(StorageFailureTest.class);

    @LocalServerPort
    int port;

    @Autowired
    DevIssuer issuer;

    @Autowired
    Ignite ignite;

    @Test
    void deactivatedClusterGives503WithRetryAfterAndNoNumber() {
        ApiClient api = new ApiClient(port);
        String token =
                DevIssuerClient.token(issuer.port(), "numbers:generate", "prefix-configs:write", "prefix-configs:read");
        String segment = NAMES.key("UNUSED");
        String gapless = NAMES.key("GAPLESS");
        String other = NAMES.key("OTHER");
        assertThat(api.putRule(segment, token, rule("U-{seq}").build()).status())
                .isEqualTo(201);
        assertThat(api.putRule(
                                gapless,
                                token,
                                rule("G-{seq}").strategy("GAPLESS").build())
                        .status())
                .isEqualTo(201);

        ignite.cluster().state(ClusterState.INACTIVE);
        try {
            HttpReply provisional = api.get("/api/numbers?prefixKey=" + segment, token);
            assertThat(provisional.status()).isEqualTo(200);
            assertThat(provisional.header("Numgen-Mode")).isEqualTo("PROVISIONAL");
            assertThat(provisional.json().path("mode").asString()).isEqualTo("PROVISIONAL");
            assertThat(provisional.numbers()).singleElement().asString().matches("U-~[A-Za-z0-9_-]+\\.[0-9A-Z]+~");

            HttpReply refused = api.get("/api/numbers?prefixKey=" + gapless, token);
            assertUnavailable(refused, "no-majority");
            assertThat(refused.json().has("numbers")).isFalse();
            assertThat(refused.body()).doesNotContain("Ignite", "Exception");

            HttpReply write = api.putRule(other, token, rule("O-{seq}").build());
            assertUnavailable(write, "storage-unavailable");
        } finally {
            ignite.cluster().state(ClusterState.ACTIVE);
        }
        assertThat(api.get("/api/prefix-configs/" + other, token).status()).isEqualTo(404);
        // The refusals took nothing: the first regular numbers of both rules are still their first values.
        HttpReply first = Await.until(
                "the reactivated cluster to issue " + gapless,
                () -> api.get("/api/numbers?prefixKey=" + gapless, token),
                reply -> reply.status() != 503);
        assertThat(first.numbers()).containsExactly("G-1");
        assertThat(api.get("/api/numbers?prefixKey=" + segment, token).numbers())
                .containsExactly("U-1");
    }

    private static void assertUnavailable(HttpReply reply, String problem) {
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isEqualTo("1");
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asString()).isEqualTo("/problems/" + problem);
    }
}
