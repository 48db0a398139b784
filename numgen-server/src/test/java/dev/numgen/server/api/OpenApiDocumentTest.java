package dev.numgen.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.HttpReply;
import dev.numgen.server.testing.LocalNodeTest;
import dev.numgen.server.web.ProblemType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    void everyReferenceResolvesAndEveryOperationHasTheApisOwnNames() {
        JsonNode document = new ApiClient(port).get("/v3/api-docs", null).json();
        JsonNode schemas = document.path("components").path("schemas");
        List<String> references = new ArrayList<>();
        collectReferences(document, references);
        assertThat(references).isNotEmpty();
        for (String reference : references) {
            assertThat(reference).startsWith("#/components/schemas/");
            assertThat(schemas.has(reference.substring("#/components/schemas/".length())))
                    .as(reference)
                    .isTrue();
        }
        Set<String> operationIds = new HashSet<>();
        document.path("paths").properties().forEach(path -> {
            assertThat(path.getKey()).as("one spelling per route").startsWith("/api/");
            path.getValue().properties().forEach(operation -> {
                JsonNode described = operation.getValue();
                String id = described.path("operationId").asString();
                assertThat(id).as(path.getKey()).matches("[a-z][A-Za-z]+");
                assertThat(operationIds.add(id)).as("unique " + id).isTrue();
                assertThat(described.path("tags").get(0).asString())
                        .as(id)
                        .doesNotContain("controller")
                        .isNotEqualTo("default");
                assertThat(described.path("responses").has("401")).as(id).isTrue();
            });
        });
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("$ref")) {
                    references.add(field.getValue().asString());
                } else {
                    collectReferences(field.getValue(), references);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectReferences(element, references));
        }
    }

    @Test
    void everyProblemTypeResolvesToAPageOnTheNode() {
        ApiClient api = new ApiClient(port);
        for (ProblemType type : ProblemType.values()) {
            HttpReply page = api.get(type.type().toString(), null);
            assertThat(page.status()).as(type.name()).isEqualTo(200);
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.body()).contains(type.title()).contains(String.valueOf(type.status()));
        }
        HttpReply unknown = api.get("/problems/no-such-problem", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("type").asString()).isEqualTo("/problems/not-found");
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
