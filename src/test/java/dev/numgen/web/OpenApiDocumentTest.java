package dev.numgen.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.testing.HttpReply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@LocalNodeTest
class OpenApiDocumentTest {

    @LocalServerPort
    int port;

    @Test
    void documentDescribesEveryEndpointAndProblemTypeWithoutAToken() {
        HttpReply reply = new ApiClient(port).get("/v3/api-docs", null);
        assertThat(reply.status()).isEqualTo(200);
        JsonNode document = reply.json();
        JsonNode paths = document.path("paths");
        assertThat(paths.has("/api/numbers")).isTrue();
        assertThat(paths.path("/api/numbers").has("get")).isTrue();
        assertThat(paths.path("/api/numbers").has("post")).isTrue();
        assertThat(paths.has("/api/prefix-configs/{prefixKey}")).isTrue();
        assertThat(paths.path("/api/prefix-configs/{prefixKey}").has("put")).isTrue();
        assertThat(paths.path("/api/numbers").path("get").path("responses").has("409"))
                .isTrue();
        String description = document.path("info").path("description").asString();
        for (ProblemType type : ProblemType.values()) {
            assertThat(description).contains(type.type.toString());
        }
        assertThat(document.path("components").path("securitySchemes").has("bearer-jwt"))
                .isTrue();
    }

    @Test
    void ruleBodyOfferedForPutHasOnlyWritableFields() {
        JsonNode document = new ApiClient(port).get("/v3/api-docs", null).json();
        String reference = document.path("paths")
                .path("/api/prefix-configs/{prefixKey}")
                .path("put")
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema")
                .path("$ref")
                .asString();
        JsonNode body = document.path("components")
                .path("schemas")
                .path(reference.substring(reference.lastIndexOf('/') + 1))
                .path("properties");
        assertThat(body.has("format")).isTrue();
        assertThat(body.has("variables")).isTrue();
        assertThat(body.has("version") || body.has("changedBy") || body.has("changedAt"))
                .isFalse();
    }
}
