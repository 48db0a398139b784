package dev.numgen.server.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.DevIssuerClient;
import dev.numgen.server.testing.HttpReply;
import dev.numgen.server.testing.LocalNodeTest;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * When the cluster store cannot be used: a SEGMENT rule falls back to provisional numbers (DESIGN §4), saying so (G5);
 * GAPLESS numbers and rule changes get a 503 problem, and nothing regular is issued or changed.
 */
@LocalNodeTest
@DirtiesContext
class StorageFailureTest {

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
        assertThat(api.put("/api/prefix-configs/UNUSED", token, "{\"format\":\"U-{seq}\"}")
                        .status())
                .isEqualTo(201);
        assertThat(api.put("/api/prefix-configs/GAPLESS", token, "{\"format\":\"G-{seq}\",\"strategy\":\"GAPLESS\"}")
                        .status())
                .isEqualTo(201);

        ignite.cluster().state(ClusterState.INACTIVE);
        try {
            HttpReply segment = api.get("/api/numbers?prefixKey=UNUSED", token);
            assertThat(segment.status()).isEqualTo(200);
            assertThat(segment.header("Numgen-Mode")).isEqualTo("PROVISIONAL");
            assertThat(segment.json().path("mode").asString()).isEqualTo("PROVISIONAL");
            assertThat(segment.json().path("numbers").get(0).asString())
                    .startsWith("U-~")
                    .doesNotContain("U-1");

            HttpReply gapless = api.get("/api/numbers?prefixKey=GAPLESS", token);
            assertUnavailable(gapless, "no-majority");
            assertThat(gapless.body()).doesNotContain("G-1", "Ignite", "Exception");

            HttpReply write = api.put("/api/prefix-configs/OTHER", token, "{\"format\":\"O-{seq}\"}");
            assertUnavailable(write, "storage-unavailable");
        } finally {
            ignite.cluster().state(ClusterState.ACTIVE);
        }
        assertThat(api.get("/api/prefix-configs/OTHER", token).status()).isEqualTo(404);
    }

    private static void assertUnavailable(HttpReply reply, String problem) {
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isEqualTo("1");
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asString()).isEqualTo("/problems/" + problem);
    }
}
