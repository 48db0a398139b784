package dev.numgen.server.api;

import dev.numgen.issue.NumberIssuer;
import dev.numgen.server.numbers.NumberEndpoint;
import dev.numgen.server.web.ApiConstraints;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
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
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * {@link NumberEndpoint} is a servlet filter, not a controller, so its two operations are written out here, with the
 * constraints it enforces. Their problems are what its serving methods declare ({@link NumberEndpoint#servingMethod}),
 * added as for every other operation ({@link OperationProblems}).
 */
public final class IssuingOperations {

    /** What variable values may hold: the literal alphabet of formats, so no value can forge a provisional number. */
    static final String VARIABLE_VALUE_PATTERN = "^[A-Za-z0-9_./#:-]{0,64}$";

    private IssuingOperations() {}

    static Schema<?> prefixKeySchema() {
        return new StringSchema().pattern(ApiConstraints.PREFIX_KEY).example("ORDER");
    }

    public static PathItem path() {
        String variables = "Every query parameter but prefixKey and count is a variable of the rule ({var:name} in"
                + " its format); a parameter given twice is refused. Scope numbers:generate.";
        Operation get = new Operation()
                .summary("Issue numbers")
                .description(variables)
                .addParametersItem(new Parameter()
                        .in("query")
                        .name("prefixKey")
                        .required(true)
                        .schema(prefixKeySchema()))
                .addParametersItem(new Parameter()
                        .in("query")
                        .name("count")
                        .description("how many numbers, in order; default 1")
                        .schema(countSchema()))
                .addParametersItem(idempotencyKey())
                .responses(new ApiResponses().addApiResponse("200", issued()));
        Operation post = new Operation()
                .summary("Issue numbers, parameters in a JSON body")
                .description("The body names the rule, the count and the variables. " + variables)
                .addParametersItem(idempotencyKey())
                .requestBody(new RequestBody()
                        .required(true)
                        .content(new Content().addMediaType("application/json", new MediaType().schema(body()))))
                .responses(new ApiResponses().addApiResponse("200", issued()));
        OperationProblems.document(get, NumberEndpoint.servingMethod(HttpMethod.GET));
        OperationProblems.document(post, NumberEndpoint.servingMethod(HttpMethod.POST));
        return new PathItem().get(get).post(post);
    }

    private static Schema<?> countSchema() {
        return new IntegerSchema()
                .minimum(BigDecimal.ONE)
                .maximum(BigDecimal.valueOf(NumberIssuer.MAX_COUNT))
                ._default(1);
    }

    private static Parameter idempotencyKey() {
        return new Parameter()
                .in("header")
                .name(NumberEndpoint.IDEMPOTENCY_KEY)
                .description("Same key and parameters within 24 h: the same numbers again (any node); same key with"
                        + " other parameters: 422 idempotency-key-reused. Keys belong to the token subject.")
                .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x21-\\x7E]+$"));
    }

    private static Schema<?> body() {
        Schema<?> body = new ObjectSchema()
                .addProperty("prefixKey", prefixKeySchema())
                .addProperty("count", countSchema())
                .addProperty(
                        "variables",
                        new ObjectSchema()
                                .additionalProperties(new StringSchema().pattern(VARIABLE_VALUE_PATTERN))
                                .description("the rule's variables by name"))
                .required(List.of("prefixKey"))
                .additionalProperties(false);
        OpenApiDocumentation.optionalMayBeNull(body);
        return body;
    }

    private static ApiResponse issued() {
        Schema<?> numbers = new ObjectSchema()
                .addProperty("prefixKey", new StringSchema())
                .addProperty("numbers", new ArraySchema().items(new StringSchema().example("ORD-20261125-000042")))
                .addProperty(
                        "mode",
                        new StringSchema()
                                ._enum(List.of("NORMAL", "PROVISIONAL"))
                                .description("anything but NORMAL is a fallback mode (also in the Numgen-Mode header)"))
                .required(List.of("prefixKey", "numbers", "mode"));
        return new ApiResponse()
                .description("The numbers, in issue order. Cache-Control: no-store.")
                .addHeaderObject(
                        NumberEndpoint.MODE_HEADER,
                        new Header()
                                .description("NORMAL or PROVISIONAL")
                                .schema(new StringSchema()._enum(List.of("NORMAL", "PROVISIONAL"))))
                .content(new Content()
                        .addMediaType("application/json", new MediaType().schema(numbers))
                        .addMediaType(
                                "text/plain",
                                new MediaType().schema(new StringSchema().description("one number per line"))));
    }
}
