package dev.numgen.server.api;

import static dev.numgen.server.web.ProblemType.BASELINE_CHANGE_REFUSED;
import static dev.numgen.server.web.ProblemType.COUNTER_EXHAUSTED;
import static dev.numgen.server.web.ProblemType.FORBIDDEN;
import static dev.numgen.server.web.ProblemType.IDEMPOTENCY_KEY_BUSY;
import static dev.numgen.server.web.ProblemType.IDEMPOTENCY_KEY_REUSED;
import static dev.numgen.server.web.ProblemType.IDEMPOTENCY_LIMIT_REACHED;
import static dev.numgen.server.web.ProblemType.INVALID_REQUEST;
import static dev.numgen.server.web.ProblemType.INVALID_RULE;
import static dev.numgen.server.web.ProblemType.NOT_FOUND;
import static dev.numgen.server.web.ProblemType.NO_MAJORITY;
import static dev.numgen.server.web.ProblemType.PAYLOAD_TOO_LARGE;
import static dev.numgen.server.web.ProblemType.PREFIX_NOT_REGISTERED;
import static dev.numgen.server.web.ProblemType.QUOTA_EXCEEDED;
import static dev.numgen.server.web.ProblemType.RESOLUTION_REFUSED;
import static dev.numgen.server.web.ProblemType.RULE_CHANGE_REFUSED;
import static dev.numgen.server.web.ProblemType.STORAGE_UNAVAILABLE;
import static dev.numgen.server.web.ProblemType.UNAUTHORIZED;
import static dev.numgen.server.web.ProblemType.UNSUPPORTED_MEDIA_TYPE;
import static dev.numgen.server.web.ProblemType.VERSION_MISMATCH;
import static dev.numgen.server.web.ProblemType.VOID_REFUSED;

import dev.numgen.server.web.ProblemType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). It describes each operation once,
 * under {@code /api} (the same routes answer without it), with the API's own names, the constraints the API enforces,
 * and exactly the problems each operation can answer with.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiDocumentation {

    private static final String BEARER = "bearer-jwt";
    static final String PROBLEM = "Problem";

    /** Every operation: its tag, its id and the problems it can answer with besides 401 and 403. */
    private record Described(String tag, String operationId, List<ProblemType> problems) {}

    private static final Map<String, Described> OPERATIONS = new LinkedHashMap<>();

    static {
        // invalid-rule: a rule stored before variable patterns had to be RE2 is refused until it is registered again.
        List<ProblemType> issuing = List.of(
                INVALID_REQUEST,
                INVALID_RULE,
                PAYLOAD_TOO_LARGE,
                PREFIX_NOT_REGISTERED,
                COUNTER_EXHAUSTED,
                IDEMPOTENCY_KEY_BUSY,
                IDEMPOTENCY_KEY_REUSED,
                QUOTA_EXCEEDED,
                IDEMPOTENCY_LIMIT_REACHED,
                NO_MAJORITY,
                STORAGE_UNAVAILABLE);
        describe("GET /api/numbers", "Numbers", "issueNumbers", issuing);
        describe("POST /api/numbers", "Numbers", "issueNumbersPost", with(issuing, UNSUPPORTED_MEDIA_TYPE));
        describe("GET /api/prefix-configs", "Prefix rules", "listRules", List.of(INVALID_REQUEST, STORAGE_UNAVAILABLE));
        describe(
                "GET /api/prefix-configs/{prefixKey}",
                "Prefix rules",
                "getRule",
                List.of(INVALID_REQUEST, PREFIX_NOT_REGISTERED, STORAGE_UNAVAILABLE));
        describe(
                "PUT /api/prefix-configs/{prefixKey}",
                "Prefix rules",
                "registerRule",
                List.of(
                        INVALID_REQUEST,
                        PAYLOAD_TOO_LARGE,
                        INVALID_RULE,
                        RULE_CHANGE_REFUSED,
                        VERSION_MISMATCH,
                        UNSUPPORTED_MEDIA_TYPE,
                        STORAGE_UNAVAILABLE));
        describe(
                "GET /api/prefix-configs/{prefixKey}/changes",
                "Prefix rules",
                "listRuleChanges",
                List.of(INVALID_REQUEST, PREFIX_NOT_REGISTERED, STORAGE_UNAVAILABLE));
        describe(
                "GET /api/prefix-configs/{prefixKey}/voids",
                "Voids",
                "listVoids",
                List.of(INVALID_REQUEST, PREFIX_NOT_REGISTERED, STORAGE_UNAVAILABLE));
        describe(
                "POST /api/numbers/{number}/void",
                "Voids",
                "voidNumber",
                List.of(
                        INVALID_REQUEST,
                        PAYLOAD_TOO_LARGE,
                        PREFIX_NOT_REGISTERED,
                        VOID_REFUSED,
                        UNSUPPORTED_MEDIA_TYPE,
                        STORAGE_UNAVAILABLE));
        describe(
                "GET /api/provisional-numbers",
                "Provisional numbers",
                "listProvisionalNumbers",
                List.of(INVALID_REQUEST, STORAGE_UNAVAILABLE));
        describe(
                "GET /api/provisional-numbers/{number}",
                "Provisional numbers",
                "getProvisionalNumber",
                List.of(INVALID_REQUEST, NOT_FOUND, STORAGE_UNAVAILABLE));
        describe(
                "POST /api/provisional-numbers/{number}/resolution",
                "Provisional numbers",
                "resolveProvisionalNumber",
                List.of(
                        INVALID_REQUEST,
                        PAYLOAD_TOO_LARGE,
                        NOT_FOUND,
                        RESOLUTION_REFUSED,
                        UNSUPPORTED_MEDIA_TYPE,
                        STORAGE_UNAVAILABLE));
        describe("GET /api/cluster", "Cluster", "getCluster", List.of(INVALID_REQUEST));
        describe(
                "PUT /api/cluster/baseline",
                "Cluster",
                "setBaseline",
                List.of(INVALID_REQUEST, PAYLOAD_TOO_LARGE, BASELINE_CHANGE_REFUSED, UNSUPPORTED_MEDIA_TYPE));
    }

    private static final Map<String, String> TAGS = Map.of(
            "Numbers",
            "Issue numbers from a registered rule.",
            "Prefix rules",
            "Register, change and read the rules numbers are issued from, with their history.",
            "Voids",
            "GAPLESS numbers a caller could not use, voided with a reason.",
            "Provisional numbers",
            "Numbers issued by a node cut off from the majority, waiting for a person to confirm or replace them.",
            "Cluster",
            "The cluster's nodes and baseline, for operators.");

    private static void describe(String route, String tag, String operationId, List<ProblemType> problems) {
        OPERATIONS.put(route, new Described(tag, operationId, problems));
    }

    private static List<ProblemType> with(List<ProblemType> problems, ProblemType more) {
        List<ProblemType> all = new ArrayList<>(problems);
        all.add(more);
        return all;
    }

    @Bean
    OpenAPI numgenOpenApi() {
        String problemTypes = Arrays.stream(ProblemType.values())
                .map(type -> "- [`" + type.type + "`](" + type.type + ") (" + type.status.value() + "): " + type.title)
                .collect(Collectors.joining("\n"));
        return new OpenAPI()
                .info(new Info()
                        .title("numgen")
                        .version("v1")
                        .description("Issues business numbers from prefix rules registered at run time.\n\n"
                                + "Every route below also answers without the `/api` prefix, with the same rules.\n\n"
                                + "Errors are RFC 9457 `application/problem+json` documents; their `type` is one of"
                                + " these, each served as a page by every node:\n\n"
                                + problemTypes
                                + "\n\nScopes: `numbers:generate`, `prefix-configs:read`, `prefix-configs:write`,"
                                + " `numbers:admin`."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .path("/api/numbers", IssuingOperations.path());
    }

    /**
     * Keeps one spelling of each route, names operations and tags with the API's words, and gives each operation
     * exactly its problem responses.
     */
    @Bean
    OpenApiCustomizer numgenOperations() {
        return openApi -> {
            Map<String, PathItem> kept = new TreeMap<>();
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    kept.put(path, item);
                }
            });
            openApi.getPaths().clear();
            kept.forEach((path, item) -> {
                item.readOperationsMap().forEach((method, operation) -> {
                    Described described = OPERATIONS.get(method.name() + " " + path);
                    if (described == null) {
                        throw new IllegalStateException("No OpenAPI description for " + method + " " + path);
                    }
                    if (described.operationId().equals("registerRule")) {
                        documentCreation(operation);
                    }
                    operation.setTags(List.of(described.tag()));
                    operation.setOperationId(described.operationId());
                    addProblems(operation, described.problems());
                });
                openApi.getPaths().addPathItem(path, item);
            });
            openApi.setTags(TAGS.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(entry -> new Tag().name(entry.getKey()).description(entry.getValue()))
                    .toList());
            if (openApi.getComponents().getSchemas() == null) {
                openApi.getComponents().setSchemas(new LinkedHashMap<>());
            }
            // Bodies are read strictly and answers carry exactly their records' fields: no schema is open to others.
            openApi.getComponents().getSchemas().values().forEach(schema -> {
                if (schema.getProperties() != null && schema.getAdditionalProperties() == null) {
                    schema.setAdditionalProperties(false);
                }
            });
            openApi.getComponents().getSchemas().forEach((name, schema) -> {
                if (name.endsWith("Request") || name.equals("VariableDocument")) {
                    optionalMayBeNull(schema);
                }
            });
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        };
    }

    /** The first PUT of a key creates the rule: 201 with its Location, the same body as an update's 200. */
    private static void documentCreation(Operation operation) {
        ApiResponse updated = operation.getResponses().get("200");
        operation
                .getResponses()
                .addApiResponse(
                        "201",
                        new ApiResponse()
                                .description("Registered: the rule's first version")
                                .content(updated == null ? null : updated.getContent())
                                .addHeaderObject(
                                        "Location",
                                        new Header()
                                                .description("the rule's URI")
                                                .schema(new StringSchema())));
        if (updated != null) {
            updated.description("Updated, or unchanged when the body equals the current version");
        }
    }

    /** In a request body, an optional field given as null counts as not given; the document says so. */
    public static void optionalMayBeNull(Schema<?> body) {
        List<String> required = body.getRequired() == null ? List.of() : body.getRequired();
        body.getProperties().forEach((name, property) -> {
            if (required.contains(name) || property.get$ref() != null) {
                return;
            }
            Set<String> types = new LinkedHashSet<>();
            if (property.getTypes() != null) {
                types.addAll(property.getTypes());
            } else if (property.getType() != null) {
                types.add(property.getType());
            }
            if (!types.isEmpty()) {
                types.add("null");
                property.setTypes(types);
            }
        });
    }

    private static void addProblems(Operation operation, List<ProblemType> problems) {
        ApiResponses responses = operation.getResponses();
        List<ProblemType> all = new ArrayList<>(List.of(UNAUTHORIZED, FORBIDDEN));
        all.addAll(problems);
        Map<Integer, List<ProblemType>> byStatus = all.stream()
                .collect(Collectors.groupingBy(type -> type.status.value(), TreeMap::new, Collectors.toList()));
        byStatus.forEach((status, types) -> {
            ApiResponse response = problemResponse(types);
            if (status == 503 || status == 429 || types.contains(IDEMPOTENCY_KEY_BUSY)) {
                response.addHeaderObject(
                        "Retry-After",
                        new Header()
                                .description("seconds to wait before retrying")
                                .schema(new IntegerSchema()));
            }
            responses.addApiResponse(String.valueOf(status), response);
        });
    }

    private static ApiResponse problemResponse(List<ProblemType> types) {
        String description = types.stream()
                .map(type -> type.title + " (`" + type.type + "`)")
                .collect(Collectors.joining("; "));
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static Schema<?> problemSchema() {
        List<String> types = new ArrayList<>(Arrays.stream(ProblemType.values())
                .map(type -> type.type.toString())
                .toList());
        // A status the container decided and numgen has no type of its own for (RFC 9457 section 4.2.1).
        types.add("about:blank");
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema()._enum(types))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400)))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("field", new StringSchema().description("the request field at fault, when one is"))
                .addProperty("position", new IntegerSchema().description("0-based position of a format fault"))
                .addProperty("prefixKey", new StringSchema())
                .required(List.of("type", "title", "status"));
    }
}
