package dev.numgen.server.api;

import dev.numgen.problem.ProblemType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
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
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). It describes each operation once,
 * under {@code /api} (the same routes answer without it), with the API's own names, the constraints the API enforces,
 * and exactly the problems each operation can answer with: those its handler's {@code throws} clause names, and
 * those the edge answers on its route ({@link OperationProblems}).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiDocumentation {

    private static final String BEARER = "bearer-jwt";
    static final String PROBLEM = "Problem";

    /**
     * Every operation: its tag, its id and what it says beyond its handler's shape (or null). Its problems are what its
     * handler declares ({@link OperationProblems}).
     */
    private record Described(String tag, String operationId, String description) {}

    private static final Map<String, Described> OPERATIONS = new LinkedHashMap<>();

    static {
        describe("GET /api/numbers", "Numbers", "issueNumbers");
        describe("POST /api/numbers", "Numbers", "issueNumbersPost");
        describe("GET /api/prefix-configs", "Prefix rules", "listRules");
        describe("GET /api/prefix-configs/{prefixKey}", "Prefix rules", "getRule");
        describe("PUT /api/prefix-configs/{prefixKey}", "Prefix rules", "registerRule");
        describe("GET /api/prefix-configs/{prefixKey}/changes", "Prefix rules", "listRuleChanges");
        describe("GET /api/prefix-configs/{prefixKey}/voids", "Voids", "listVoids");
        describe("POST /api/numbers/{number}/void", "Voids", "voidNumber");
        describe(
                "GET /api/prefix-configs/{prefixKey}/register",
                "Register",
                "readRegister",
                "The values `from`..`to` of one counter of a GAPLESS rule, in value order, at most `limit`: each ISSUED"
                        + " (with the request that took it: token subject, Idempotency-Key, node, commit time), VOIDED"
                        + " (with its void) or MISSING (neither: a gap nobody accounted for, which should never"
                        + " appear). `counter` is the counter as the check lists it, empty for a rule with one"
                        + " counter. When more values follow, `nextFrom` is where the next page starts and a `Link`"
                        + " header with `rel=\"next\"` names it. Needs `prefix-configs:read`, the scope of the voids"
                        + " listing, which also names who acted. Only GAPLESS rules keep a register.");
        describe(
                "GET /api/prefix-configs/{prefixKey}/register/check",
                "Register",
                "checkRegister",
                "Whether every counter of a GAPLESS rule is complete: every value from its first to its highest"
                        + " issued in a committed request or voided. `missing` lists the first 1000 values that are"
                        + " neither, `missingCount` counts them all. Needs `prefix-configs:read`, the scope of the voids"
                        + " listing, which also names who acted. Only GAPLESS rules keep a register.");
        describe("GET /api/provisional-numbers", "Provisional numbers", "listProvisionalNumbers");
        describe("GET /api/provisional-numbers/{number}", "Provisional numbers", "getProvisionalNumber");
        describe(
                "POST /api/provisional-numbers/{number}/resolution", "Provisional numbers", "resolveProvisionalNumber");
        describe("GET /api/cluster", "Cluster", "getCluster");
        describe("PUT /api/cluster/baseline", "Cluster", "setBaseline");
    }

    private static final Map<String, String> TAGS = Map.of(
            "Numbers",
            "Issue numbers from a registered rule.",
            "Prefix rules",
            "Register, change and read the rules numbers are issued from, with their history.",
            "Voids",
            "GAPLESS numbers a caller could not use, voided with a reason.",
            "Register",
            "Every GAPLESS number with the request that took it or its void, and whether any value is missing.",
            "Provisional numbers",
            "Numbers issued by a node cut off from the majority, waiting for a person to confirm or replace them.",
            "Cluster",
            "The cluster's nodes and baseline, for operators.");

    /**
     * Answer fields written as null when there is nothing to show: a register page's next page when it is the last;
     * a value's number, request and void when it has none; a request's Idempotency-Key when it carried none.
     */
    private static final Map<String, List<String>> NULL_IN_ANSWERS = Map.of(
            "RegisterPage", List.of("nextFrom"),
            "Entry", List.of("number", "issued", "voided"),
            "Issued", List.of("idempotencyKey"));

    private static void describe(String route, String tag, String operationId) {
        describe(route, tag, operationId, null);
    }

    private static void describe(String route, String tag, String operationId, String description) {
        OPERATIONS.put(route, new Described(tag, operationId, description));
    }

    @Bean
    OpenAPI numgenOpenApi() {
        String problemTypes = Arrays.stream(ProblemType.values())
                .map(type -> "- [`" + type.type() + "`](" + type.type() + ") (" + type.status() + "): " + type.title())
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
                                + "\n\nEach operation lists the problems it can answer with. Any request may also be"
                                + " refused before a route sees it: request-rejected, method-not-allowed,"
                                + " not-acceptable, uri-too-long, headers-too-large, and payload-too-large for a body"
                                + " on a route that reads none."
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

    /** Each controller operation's problem responses: those its handler method declares, and the edge's. */
    @Bean
    OperationCustomizer numgenProblems() {
        return (operation, handler) -> {
            OperationProblems.document(operation, handler.getMethod());
            return operation;
        };
    }

    /** Keeps one spelling of each route and names operations and tags with the API's words. */
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
                    if (described.operationId().equals("readRegister")) {
                        documentNextPage(operation);
                    }
                    if (described.description() != null) {
                        operation.setDescription(described.description());
                    }
                    operation.setTags(List.of(described.tag()));
                    operation.setOperationId(described.operationId());
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
            NULL_IN_ANSWERS.forEach((name, properties) -> {
                Schema<?> schema = openApi.getComponents().getSchemas().get(name);
                if (schema == null) {
                    throw new IllegalStateException("No schema " + name + " in the OpenAPI document");
                }
                properties.forEach(property -> mayBeNull(schema, property));
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

    /** A register page that is not the last names the next one in a {@code Link} header (RFC 8288). */
    private static void documentNextPage(Operation operation) {
        ApiResponse page = operation.getResponses().get("200");
        if (page != null) {
            page.addHeaderObject(
                    "Link",
                    new Header()
                            .description("`<uri>; rel=\"next\"`: the next page, when `nextFrom` is not null")
                            .schema(new StringSchema()));
        }
    }

    /** The property may be null: a type gains {@code null}, a reference becomes "the referenced schema or null". */
    private static void mayBeNull(Schema<?> schema, String name) {
        Schema<?> property = schema.getProperties().get(name);
        if (property == null) {
            throw new IllegalStateException("No property " + name + " in the OpenAPI document");
        }
        if (property.getAnyOf() != null) {
            return; // a customizer that runs again finds it done
        }
        if (property.get$ref() != null) {
            schema.getProperties()
                    .put(
                            name,
                            new Schema<>()
                                    .anyOf(List.of(
                                            new Schema<>().$ref(property.get$ref()),
                                            new Schema<>().types(Set.of("null")))));
            return;
        }
        addNull(property);
    }

    /** Adds {@code null} to the property's types, when it has any. */
    private static void addNull(Schema<?> property) {
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
    }

    /** In a request body, an optional field given as null counts as not given; the document says so. */
    public static void optionalMayBeNull(Schema<?> body) {
        List<String> required = body.getRequired() == null ? List.of() : body.getRequired();
        body.getProperties().forEach((name, property) -> {
            if (required.contains(name) || property.get$ref() != null) {
                return;
            }
            addNull(property);
        });
    }

    private static Schema<?> problemSchema() {
        List<String> types = new ArrayList<>(Arrays.stream(ProblemType.values())
                .map(type -> type.type().toString())
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
