package dev.numgen.server.api;

import static dev.numgen.problem.ProblemType.FORBIDDEN;
import static dev.numgen.problem.ProblemType.INVALID_REQUEST;
import static dev.numgen.problem.ProblemType.PAYLOAD_TOO_LARGE;
import static dev.numgen.problem.ProblemType.UNAUTHORIZED;
import static dev.numgen.problem.ProblemType.UNSUPPORTED_MEDIA_TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaCall;
import dev.numgen.problem.NumgenException;
import dev.numgen.problem.ProblemType;
import dev.numgen.server.numbers.NumberEndpoint;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.LocalNodeTest;
import dev.numgen.server.testing.ReachableExceptions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Each operation of the API description lists exactly the problems its route can answer with: those of the numgen
 * exceptions its handler can throw, found by walking the compiled code from the handler ({@link ReachableExceptions}),
 * not from any declaration, and those the web layer answers on every route or on a route that reads a body. Nothing
 * is documented that cannot happen, and nothing that can happen is left out.
 */
@LocalNodeTest
class DocumentedProblemsTest {

    /** The bearer token and its scope, and the request guard's checks of query and headers. */
    private static final Set<ProblemType> EVERY_ROUTE = EnumSet.of(UNAUTHORIZED, FORBIDDEN, INVALID_REQUEST);
    /** The body's size and media type. */
    private static final Set<ProblemType> READING_A_BODY = EnumSet.of(PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE);

    private static final Pattern LISTED_TYPE = Pattern.compile("\\(`" + ProblemType.BASE + "([a-z-]+)`\\)");

    private static final ReachableExceptions MAIN = ReachableExceptions.ofMainCode();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** The route's handler, and whether the route reads a body. */
    private record Route(Method handler, boolean readsBody) {}

    @Test
    void everyOperationListsExactlyTheProblemsItsRouteCanAnswer() {
        Map<String, Route> routes = routes();
        JsonNode document =
                new ApiClient(port).get("/v3/api-docs", null).expect(200).json();
        Set<String> documented = new java.util.TreeSet<>();
        SoftAssertions softly = new SoftAssertions();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    String route = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                    documented.add(route);
                    Route served = routes.get(route);
                    if (served == null) {
                        softly.fail(route + " is documented but no handler serves it");
                        return;
                    }
                    softly.assertThat(listed(operation.getValue(), route, softly))
                            .as(route + ": problems listed against those its route can answer with")
                            .containsExactlyInAnyOrderElementsOf(answerable(served));
                }));
        softly.assertThat(documented).as("every API route is documented").isEqualTo(routes.keySet());
        softly.assertAll();
    }

    /** The issuing filter answers both methods with the serving methods it names, and with no other code path. */
    @Test
    void theIssuingEndpointServesWithTheMethodsItNames() throws NoSuchMethodException {
        Method doFilter = NumberEndpoint.class.getMethod(
                "doFilter", ServletRequest.class, ServletResponse.class, FilterChain.class);
        Set<String> called = MAIN.method(doFilter).getMethodCallsFromSelf().stream()
                .map(JavaCall::getTarget)
                .filter(target -> target.getOwner().isEquivalentTo(NumberEndpoint.class))
                .map(target -> target.getName())
                .collect(Collectors.toSet());
        assertThat(called)
                .contains(
                        NumberEndpoint.servingMethod(HttpMethod.GET).getName(),
                        NumberEndpoint.servingMethod(HttpMethod.POST).getName());
        assertThat(MAIN.from(doFilter))
                .isEqualTo(union(
                        MAIN.from(NumberEndpoint.servingMethod(HttpMethod.GET)),
                        MAIN.from(NumberEndpoint.servingMethod(HttpMethod.POST))));
    }

    private static Set<String> union(Set<String> one, Set<String> other) {
        Set<String> both = new java.util.TreeSet<>(one);
        both.addAll(other);
        return both;
    }

    private static Set<ProblemType> answerable(Route route) {
        Set<ProblemType> problems = EnumSet.copyOf(EVERY_ROUTE);
        if (route.readsBody()) {
            problems.addAll(READING_A_BODY);
        }
        for (String exception : MAIN.from(route.handler())) {
            problems.add(NumgenException.typeOf(load(exception)));
        }
        return problems;
    }

    /** The problem types an operation's responses name, each under its own status. */
    private static Set<ProblemType> listed(JsonNode operation, String route, SoftAssertions softly) {
        Set<ProblemType> listed = EnumSet.noneOf(ProblemType.class);
        operation.path("responses").properties().forEach(response -> {
            int status = Integer.parseInt(response.getKey());
            if (status < 400) {
                return;
            }
            Matcher types =
                    LISTED_TYPE.matcher(response.getValue().path("description").asString());
            int named = 0;
            while (types.find()) {
                ProblemType type = ProblemType.forSlug(types.group(1)).orElseThrow();
                softly.assertThat(type.status())
                        .as(route + " lists " + type + " under " + status)
                        .isEqualTo(status);
                listed.add(type);
                named++;
            }
            softly.assertThat(named)
                    .as(route + " " + status + " names its problems")
                    .isPositive();
        });
        return listed;
    }

    /** Every API route as "METHOD /api/path": the controllers' from Spring MVC's mappings, and the issuing filter's. */
    private Map<String, Route> routes() {
        Map<String, Route> routes = new TreeMap<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            boolean readsBody = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class));
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                info.getMethodsCondition()
                        .getMethods()
                        .forEach(method ->
                                routes.put(method.name() + " " + path, new Route(handler.getMethod(), readsBody)));
            }
        });
        routes.put("GET /api/numbers", new Route(NumberEndpoint.servingMethod(HttpMethod.GET), false));
        routes.put("POST /api/numbers", new Route(NumberEndpoint.servingMethod(HttpMethod.POST), true));
        assertThat(routes)
                .as("the test sees the routes")
                .containsKey("POST /api/provisional-numbers/{number}/resolution");
        return routes;
    }

    private static Class<? extends NumgenException> load(String name) {
        try {
            return Class.forName(name).asSubclass(NumgenException.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
