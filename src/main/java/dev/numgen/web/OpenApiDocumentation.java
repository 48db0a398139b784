package dev.numgen.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): bearer JWT
 * security, the problem schema, and every problem type with its status on every operation.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocumentation {

    private static final String BEARER = "bearer-jwt";
    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI numgenOpenApi() {
        String problemTypes = Arrays.stream(ProblemType.values())
                .map(type -> "- `" + type.type + "` (" + type.status.value() + "): " + type.title)
                .collect(Collectors.joining("\n"));
        return new OpenAPI()
                .info(new Info()
                        .title("numgen")
                        .version("v1")
                        .description("Issues business numbers from prefix rules registered at run time.\n\n"
                                + "Errors are RFC 9457 `application/problem+json` documents; their `type` is one of:\n\n"
                                + problemTypes
                                + "\n\nScopes: `numbers:generate`, `prefix-configs:read`, `prefix-configs:write`,"
                                + " `numbers:admin`."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .path("/api/numbers", numbersPath());
    }

    /**
     * {@link NumberEndpoint} is a servlet filter, not a controller, so its operations are written
     * out here (the same path without {@code /api} behaves identically).
     */
    private static PathItem numbersPath() {
        Schema<?> issued = new ObjectSchema()
                .addProperty("prefixKey", new StringSchema().example("ORDER"))
                .addProperty("numbers", new ArraySchema().items(new StringSchema().example("ORD-20261125-000042")))
                .addProperty(
                        "mode",
                        new StringSchema()
                                ._enum(java.util.List.of("NORMAL", "PROVISIONAL"))
                                .description(
                                        "anything but NORMAL is a fallback mode (also in the Numgen-Mode header)"));
        ApiResponse ok = new ApiResponse()
                .description("The numbers, in issue order. Cache-Control: no-store; header Numgen-Mode.")
                .content(new Content()
                        .addMediaType("application/json", new MediaType().schema(issued))
                        .addMediaType(
                                "text/plain",
                                new MediaType().schema(new StringSchema().description("one number per line"))));
        Parameter prefixKey =
                new Parameter().in("query").name("prefixKey").required(true).schema(new StringSchema());
        Parameter count = new Parameter()
                .in("query")
                .name("count")
                .description("1..1000, default 1")
                .schema(new IntegerSchema()
                        .minimum(java.math.BigDecimal.ONE)
                        .maximum(java.math.BigDecimal.valueOf(1000)));
        Parameter idempotencyKey = new Parameter()
                .in("header")
                .name("Idempotency-Key")
                .description("Same key and parameters within 24 h: the same numbers again (any node); same key with"
                        + " other parameters: 422 idempotency-key-reused. Keys belong to the token subject; past"
                        + " its limits (docs/limits.md) a new key gets 429 idempotency-limit-reached.")
                .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[!-~]+$"));
        String variables = "Every other query parameter is a variable of the rule ({var:name} in its format). "
                + "Scope numbers:generate.";
        Schema<?> body = new ObjectSchema()
                .addProperty("prefixKey", new StringSchema())
                .addProperty("count", new IntegerSchema())
                .addProperty("variables", new ObjectSchema().additionalProperties(new StringSchema()));
        return new PathItem()
                .get(new Operation()
                        .summary("Issue numbers")
                        .description(variables)
                        .operationId("issueNumbers")
                        .addParametersItem(prefixKey)
                        .addParametersItem(count)
                        .addParametersItem(idempotencyKey)
                        .responses(new ApiResponses().addApiResponse("200", ok)))
                .post(new Operation()
                        .summary("Issue numbers (parameters in the query or a JSON body)")
                        .description(variables)
                        .operationId("issueNumbersPost")
                        .addParametersItem(idempotencyKey)
                        .requestBody(new RequestBody()
                                .required(false)
                                .content(new Content().addMediaType("application/json", new MediaType().schema(body))))
                        .responses(new ApiResponses().addApiResponse("200", ok)));
    }

    /** Adds the problem responses each operation can give. */
    @Bean
    OpenApiCustomizer problemResponsesInDocument() {
        return openApi -> openApi.getPaths()
                .forEach((path, item) -> item.readOperations().forEach(operation -> {
                    var responses = operation.getResponses();
                    responses.addApiResponse(
                            "400", problem("Invalid request or rule (type invalid-request / invalid-rule)"));
                    responses.addApiResponse("401", problem("Missing or invalid bearer token"));
                    responses.addApiResponse("403", problem("The token lacks the scope this operation needs"));
                    responses.addApiResponse(
                            "503", problem("Storage unavailable (type storage-unavailable), with Retry-After"));
                    if (path.endsWith("/void") || path.endsWith("/voids")) {
                        responses.addApiResponse("404", problem("Rule not registered (type prefix-not-registered)"));
                        responses.addApiResponse(
                                "409",
                                problem("Not a GAPLESS number that was issued, or voided already (type void-refused)"));
                    } else if (path.contains("numbers")) {
                        responses.addApiResponse("404", problem("Prefix not registered (type prefix-not-registered)"));
                        responses.addApiResponse(
                                "409", problem("Counter exhausted: maxValue reached (type counter-exhausted)"));
                        responses.addApiResponse(
                                "429",
                                problem(
                                        "The client's quota for the rule, or its Idempotency-Key records, at their"
                                                + " limit (type quota-exceeded / idempotency-limit-reached), with Retry-After"));
                    } else {
                        responses.addApiResponse("404", problem("Rule not registered (type prefix-not-registered)"));
                        responses.addApiResponse(
                                "409", problem("Change refused: it could re-issue numbers (type rule-change-refused)"));
                        responses.addApiResponse(
                                "412", problem("If-Match does not match the rule version (type version-mismatch)"));
                    }
                }));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example(ProblemType.BASE + "prefix-not-registered"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("field", new StringSchema().description("the request field at fault, when one is"))
                .addProperty("position", new IntegerSchema().description("0-based position of a format fault"))
                .addProperty("prefixKey", new StringSchema());
    }
}
