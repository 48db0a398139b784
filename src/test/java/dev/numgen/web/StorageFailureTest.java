package dev.numgen.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.system.security.DevIssuer;
import dev.numgen.system.security.DevIssuerClient;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/** When the cluster store cannot be used, requests get a 503 problem and nothing is issued. */
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

        ignite.cluster().state(ClusterState.INACTIVE);
        try {
            ApiClient.Reply issue = api.get("/api/numbers?prefixKey=UNUSED", token);
            assertUnavailable(issue);
            assertThat(issue.body()).doesNotContain("U-1", "Ignite", "Exception");

            ApiClient.Reply write = api.put("/api/prefix-configs/OTHER", token, "{\"format\":\"O-{seq}\"}");
            assertUnavailable(write);
        } finally {
            ignite.cluster().state(ClusterState.ACTIVE);
        }
        assertThat(api.get("/api/prefix-configs/OTHER", token).status()).isEqualTo(404);
    }

    private static void assertUnavailable(ApiClient.Reply reply) {
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isEqualTo("1");
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asString()).isEqualTo("https://numgen.dev/problems/storage-unavailable");
    }
}
