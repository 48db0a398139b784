package dev.numgen.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
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
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
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
                    if (path.contains("numbers")) {
                        responses.addApiResponse("404", problem("Prefix not registered (type prefix-not-registered)"));
                        responses.addApiResponse(
                                "409", problem("Counter exhausted: maxValue reached (type counter-exhausted)"));
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
