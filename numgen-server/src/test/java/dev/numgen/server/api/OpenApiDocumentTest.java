package dev.numgen.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.problem.ProblemType;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.HttpReply;
import dev.numgen.server.testing.LocalNodeTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@LocalNodeTest
class OpenApiDocumentTest {

    /** Every operation, as "METHOD path": its tag and its operation id. */
    private static final Map<String, List<String>> OPERATIONS = Map.ofEntries(
            Map.entry("GET /api/numbers", List.of("Numbers", "issueNumbers")),
            Map.entry("POST /api/numbers", List.of("Numbers", "issueNumbersPost")),
            Map.entry("GET /api/prefix-configs", List.of("Prefix rules", "listRules")),
            Map.entry("GET /api/prefix-configs/{prefixKey}", List.of("Prefix rules", "getRule")),
            Map.entry("PUT /api/prefix-configs/{prefixKey}", List.of("Prefix rules", "registerRule")),
            Map.entry("GET /api/prefix-configs/{prefixKey}/changes", List.of("Prefix rules", "listRuleChanges")),
            Map.entry("GET /api/prefix-configs/{prefixKey}/voids", List.of("Voids", "listVoids")),
            Map.entry("POST /api/numbers/{number}/void", List.of("Voids", "voidNumber")),
            Map.entry("GET /api/prefix-configs/{prefixKey}/register", List.of("Register", "readRegister")),
            Map.entry("GET /api/prefix-configs/{prefixKey}/register/check", List.of("Register", "checkRegister")),
            Map.entry("GET /api/provisional-numbers", List.of("Provisional numbers", "listProvisionalNumbers")),
            Map.entry("GET /api/provisional-numbers/{number}", List.of("Provisional numbers", "getProvisionalNumber")),
            Map.entry(
                    "POST /api/provisional-numbers/{number}/resolution",
                    List.of("Provisional numbers", "resolveProvisionalNumber")),
            Map.entry("GET /api/cluster", List.of("Cluster", "getCluster")),
            Map.entry("PUT /api/cluster/baseline", List.of("Cluster", "setBaseline")));

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @LocalServerPort
    int port;

    private JsonNode document() {
        HttpReply reply = new ApiClient(port).get("/v3/api-docs", null);
        assertThat(reply.status()).as("the document is served without a token").isEqualTo(200);
        return reply.json();
    }

    /** "METHOD path" of every operation in the document, each with its description. */
    private static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new TreeMap<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(operation -> operations.put(
                                operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                                operation.getValue())));
        return operations;
    }

    @Test
    void documentListsEveryProblemTypeAndTheBearerScheme() {
        JsonNode document = document();
        String description = document.path("info").path("description").asString();
        for (ProblemType type : ProblemType.values()) {
            assertThat(description).contains(type.type().toString());
        }
        assertThat(document.path("components")
                        .path("securitySchemes")
                        .path("bearer-jwt")
                        .path("scheme")
                        .asString())
                .isEqualTo("bearer");
    }

    @Test
    void everyOperationIsDescribedOnceUnderApiWithTheApisOwnNames() {
        JsonNode document = document();
        Map<String, JsonNode> operations = operations(document);
        assertThat(operations.keySet())
                .as("each route once, under /api only")
                .containsExactlyInAnyOrderElementsOf(OPERATIONS.keySet());
        Set<String> declaredTags = new HashSet<>();
        document.path("tags").forEach(tag -> {
            assertThat(tag.path("description").asString()).as(tag.toString()).isNotBlank();
            declaredTags.add(tag.path("name").asString());
        });
        SoftAssertions softly = new SoftAssertions();
        operations.forEach((route, operation) -> {
            List<String> expected = OPERATIONS.get(route);
            List<String> tags = new ArrayList<>();
            operation.path("tags").forEach(tag -> tags.add(tag.asString()));
            softly.assertThat(tags).as(route + " tags").containsExactly(expected.get(0));
            softly.assertThat(operation.path("operationId").asString())
                    .as(route + " operationId")
                    .isEqualTo(expected.get(1));
        });
        softly.assertThat(declaredTags)
                .as("tags described")
                .containsExactlyInAnyOrder(OPERATIONS.values().stream()
                        .map(names -> names.get(0))
                        .distinct()
                        .toArray(String[]::new));
        softly.assertAll();
    }

    /** The document requires the bearer token everywhere, and no operation says otherwise. */
    @Test
    void everyOperationRequiresTheBearerToken() {
        JsonNode document = document();
        assertThat(document.path("security").toString()).isEqualTo("[{\"bearer-jwt\":[]}]");
        SoftAssertions softly = new SoftAssertions();
        operations(document).forEach((route, operation) -> {
            JsonNode security = operation.has("security") ? operation.path("security") : document.path("security");
            softly.assertThat(security.toString()).as(route).isEqualTo("[{\"bearer-jwt\":[]}]");
        });
        softly.assertAll();
    }

    /**
     * Every error response of every operation is a problem document: the Problem schema as
     * application/problem+json, its description naming the problem types it stands for; 401 and 403 on every one.
     */
    @Test
    void everyErrorResponseIsAProblemDocument() {
        JsonNode document = document();
        SoftAssertions softly = new SoftAssertions();
        operations(document).forEach((route, operation) -> {
            JsonNode responses = operation.path("responses");
            softly.assertThat(responses.has("401")).as(route + " 401").isTrue();
            softly.assertThat(responses.has("403")).as(route + " 403").isTrue();
            responses.properties().forEach(response -> {
                if (Integer.parseInt(response.getKey()) < 400) {
                    return;
                }
                String at = route + " " + response.getKey();
                JsonNode content = response.getValue().path("content");
                softly.assertThat(content.propertyNames()).as(at).containsExactly("application/problem+json");
                softly.assertThat(content.path("application/problem+json")
                                .path("schema")
                                .path("$ref")
                                .asString())
                        .as(at)
                        .isEqualTo(PROBLEM_SCHEMA);
                softly.assertThat(response.getValue().path("description").asString())
                        .as(at)
                        .contains("(`" + ProblemType.BASE);
            });
        });
        List<String> types = new ArrayList<>();
        document.path("components")
                .path("schemas")
                .path("Problem")
                .path("properties")
                .path("type")
                .path("enum")
                .forEach(type -> types.add(type.asString()));
        softly.assertThat(types)
                .as("the Problem schema's types")
                .containsAll(Arrays.stream(ProblemType.values())
                        .map(type -> type.type().toString())
                        .toList())
                .contains("about:blank");
        softly.assertAll();
    }

    /** A register answer writes null where it has nothing to show, and its schemas say so there and nowhere else. */
    @Test
    void registerAnswersSayWhichFieldsMayBeNull() {
        JsonNode schemas = document().path("components").path("schemas");
        assertThat(types(property(schemas, "RegisterPage", "nextFrom"))).containsExactly("integer", "null");
        assertThat(types(property(schemas, "Entry", "number"))).containsExactly("string", "null");
        assertThat(types(property(schemas, "Issued", "idempotencyKey"))).containsExactly("string", "null");
        for (String[] reference : new String[][] {{"issued", "Issued"}, {"voided", "VoidedNumber"}}) {
            List<String> choices = new ArrayList<>();
            property(schemas, "Entry", reference[0])
                    .path("anyOf")
                    .forEach(choice -> choices.add(
                            choice.has("$ref") ? choice.path("$ref").asString() : String.join(",", types(choice))));
            assertThat(choices).containsExactly("#/components/schemas/" + reference[1], "null");
        }
        assertThat(types(property(schemas, "Entry", "value"))).containsExactly("integer");
        assertThat(types(property(schemas, "Issued", "subject"))).containsExactly("string");
        assertThat(types(property(schemas, "Counter", "counter"))).containsExactly("string");
    }

    private static JsonNode property(JsonNode schemas, String schema, String name) {
        JsonNode property = schemas.path(schema).path("properties").path(name);
        assertThat(property.isMissingNode()).as(schema + "." + name).isFalse();
        return property;
    }

    /** A schema's {@code type}, written as one name or as a list of them. */
    private static List<String> types(JsonNode schema) {
        List<String> types = new ArrayList<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(name -> types.add(name.asString()));
        } else if (!type.isMissingNode()) {
            types.add(type.asString());
        }
        return types;
    }

    @Test
    void everyReferenceResolves() {
        JsonNode document = document();
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
        JsonNode document =
                new ApiClient(port).get("/v3/api-docs", null).expect(200).json();
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
