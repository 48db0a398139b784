package dev.numgen.server.api;

import static dev.numgen.problem.ProblemType.FORBIDDEN;
import static dev.numgen.problem.ProblemType.IDEMPOTENCY_KEY_BUSY;
import static dev.numgen.problem.ProblemType.INVALID_REQUEST;
import static dev.numgen.problem.ProblemType.PAYLOAD_TOO_LARGE;
import static dev.numgen.problem.ProblemType.UNAUTHORIZED;
import static dev.numgen.problem.ProblemType.UNSUPPORTED_MEDIA_TYPE;

import dev.numgen.problem.NumgenException;
import dev.numgen.problem.ProblemType;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The problem responses of one operation: the problems its handler declares (the {@link NumgenException} types in its
 * {@code throws} clause, each answered as one {@link ProblemType}) and those the edge answers on the route before the
 * handler runs. Problems of one status share a response, which names them all.
 *
 * <p>Refusals that hold for any request whatever its route (request-rejected, method-not-allowed, not-acceptable,
 * uri-too-long, headers-too-large, and payload-too-large for a body on a route that reads none) are listed once, in
 * the document's description.
 */
final class OperationProblems {

    /** Every route: the bearer token and its scope, and the request guard's checks of query and headers. */
    static final Set<ProblemType> EVERY_ROUTE = EnumSet.of(UNAUTHORIZED, FORBIDDEN, INVALID_REQUEST);

    /** A route that reads a body: its size and its media type (what is wrong inside it is invalid-request). */
    static final Set<ProblemType> READING_A_BODY = EnumSet.of(PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE);

    private OperationProblems() {}

    /** Adds the problem responses of {@code operation}, served by {@code handler}; its request body is already set. */
    static void document(Operation operation, Method handler) {
        Set<ProblemType> problems = EnumSet.copyOf(EVERY_ROUTE);
        problems.addAll(declaredBy(handler));
        if (operation.getRequestBody() != null) {
            problems.addAll(READING_A_BODY);
        }
        Map<Integer, List<ProblemType>> byStatus = problems.stream()
                .collect(Collectors.groupingBy(ProblemType::status, TreeMap::new, Collectors.toList()));
        byStatus.forEach((status, types) ->
                operation.getResponses().addApiResponse(String.valueOf(status), response(status, types)));
    }

    /** The problems the exceptions in {@code handler}'s {@code throws} clause are answered as. */
    static Set<ProblemType> declaredBy(Method handler) {
        Set<ProblemType> declared = EnumSet.noneOf(ProblemType.class);
        Arrays.stream(handler.getExceptionTypes())
                .filter(NumgenException.class::isAssignableFrom)
                .forEach(type -> declared.add(NumgenException.typeOf(type.asSubclass(NumgenException.class))));
        return declared;
    }

    private static ApiResponse response(int status, List<ProblemType> types) {
        String description = types.stream()
                .map(type -> type.title() + " (`" + type.type() + "`)")
                .collect(Collectors.joining("; "));
        ApiResponse response = new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType()
                                        .schema(new Schema<>()
                                                .$ref("#/components/schemas/" + OpenApiDocumentation.PROBLEM))));
        if (status == 503 || status == 429 || types.contains(IDEMPOTENCY_KEY_BUSY)) {
            response.addHeaderObject(
                    "Retry-After",
                    new Header().description("seconds to wait before retrying").schema(new IntegerSchema()));
        }
        return response;
    }
}
