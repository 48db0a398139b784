package dev.numgen.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.DevIssuerClient;
import dev.numgen.server.testing.HttpReply;
import dev.numgen.server.testing.IsolatedNodeInitializer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every route the running application maps (from its handler mappings and the filters that answer requests
 * themselves, not from a list kept by hand), under every spelling it answers to, needs exactly the scope written
 * here. A new route fails this test until it has a rule in {@link RouteRules} and an entry in {@link #EXPECTED}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "numgen.security.dev-issuer.port=0")
@ActiveProfiles("local")
@ContextConfiguration(initializers = IsolatedNodeInitializer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAuthorizationTest {

    private static final String OPEN = "open";
    /** Served to nobody: mapped by a framework, not part of numgen's API. */
    private static final String NOBODY = "nobody";

    private static final String GENERATE = "numbers:generate";
    private static final String READ = "prefix-configs:read";
    private static final String WRITE = "prefix-configs:write";
    private static final String ADMIN = "numbers:admin";
    private static final List<String> SCOPES = List.of(GENERATE, READ, WRITE, ADMIN);

    /** "METHOD pattern" as written without {@code /api} → the scope it needs. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("GET /numbers", GENERATE),
            Map.entry("POST /numbers", GENERATE),
            Map.entry("GET /prefix-configs", READ),
            Map.entry("GET /prefix-configs/{prefixKey}", READ),
            Map.entry("GET /prefix-configs/{prefixKey}/changes", READ),
            Map.entry("GET /prefix-configs/{prefixKey}/voids", READ),
            Map.entry("GET /prefix-configs/{prefixKey}/register", READ),
            Map.entry("GET /prefix-configs/{prefixKey}/register/check", READ),
            Map.entry("PUT /prefix-configs/{prefixKey}", WRITE),
            Map.entry("POST /numbers/{number}/void", ADMIN),
            Map.entry("GET /provisional-numbers", ADMIN),
            Map.entry("GET /provisional-numbers/{number}", ADMIN),
            Map.entry("POST /provisional-numbers/{number}/resolution", ADMIN),
            Map.entry("GET /cluster", ADMIN),
            Map.entry("PUT /cluster/baseline", ADMIN),
            Map.entry("GET /actuator/prometheus", ADMIN),
            Map.entry("GET /actuator", NOBODY),
            Map.entry("GET /actuator/health", OPEN),
            Map.entry("GET /actuator/health/**", OPEN),
            Map.entry("GET /v3/api-docs", OPEN),
            Map.entry("GET /v3/api-docs/swagger-config", OPEN),
            Map.entry("GET /v3/api-docs.yaml", OPEN),
            Map.entry("GET /error", NOBODY),
            Map.entry("GET /swagger-ui.html", OPEN),
            Map.entry("GET /problems/{slug}", OPEN),
            Map.entry("GET /**", NOBODY),
            Map.entry("GET /webjars/**", NOBODY),
            Map.entry("GET /swagger-ui*/**", NOBODY),
            Map.entry("GET /swagger-ui/**", OPEN));

    /** API routes answer with and without {@code /api}. */
    private static final Set<String> API_ROOTS =
            Set.of("/numbers", "/prefix-configs", "/provisional-numbers", "/cluster");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    DevIssuer devIssuer;

    private final Map<String, String> tokens = new TreeMap<>();
    private ApiClient api;
    private Map<String, Set<String>> mapped;

    @BeforeAll
    void collectRoutesAndTokens() {
        api = new ApiClient(port);
        mapped = mappedRoutes();
        for (String scope : SCOPES) {
            tokens.put(scope, DevIssuerClient.token(devIssuer.port(), scope));
            tokens.put(
                    "all but " + scope,
                    DevIssuerClient.token(
                            devIssuer.port(),
                            SCOPES.stream().filter(s -> !s.equals(scope)).toArray(String[]::new)));
        }
        tokens.put("all", DevIssuerClient.token(devIssuer.port(), SCOPES.toArray(String[]::new)));
    }

    @Test
    void everyMappedRouteHasAnExpectedScope() {
        Set<String> unknown = new TreeSet<>(mapped.keySet());
        unknown.removeIf(route -> expected(route) != null);
        assertThat(unknown)
                .as("routes the application maps without a rule here and in RouteRules")
                .isEmpty();
        assertThat(mapped.keySet()).as("the test sees the API routes").contains("POST /numbers/{number}/void");
    }

    @Test
    void everyApiRouteAnswersUnderBothSpellings() {
        SoftAssertions softly = new SoftAssertions();
        mapped.forEach((route, spellings) -> {
            if (API_ROOTS.stream().anyMatch(root -> pathOf(route).startsWith(root))) {
                softly.assertThat(spellings).as(route).containsExactlyInAnyOrder("/api", "");
            }
        });
        softly.assertAll();
    }

    @Test
    void everySpellingOfEveryRouteNeedsItsScope() {
        SoftAssertions softly = new SoftAssertions();
        mapped.forEach((route, spellings) -> {
            String scope = expected(route);
            if (scope == null) {
                return;
            }
            for (String spelling : spellings) {
                String method = route.substring(0, route.indexOf(' '));
                String path = spelling + concrete(pathOf(route));
                check(softly, method, path, scope);
                if (method.equals("GET")) {
                    check(softly, "HEAD", path, scope);
                }
            }
        });
        softly.assertAll();
    }

    /** Trailing slashes, other case, path parameters, doubled slashes: none reaches a handler without the scope. */
    @Test
    void variantSpellingsNeverReachAHandlerWithoutTheScope() {
        SoftAssertions softly = new SoftAssertions();
        mapped.forEach((route, spellings) -> {
            String scope = expected(route);
            if (scope == null || scope.equals(OPEN) || scope.equals(NOBODY)) {
                return;
            }
            String method = route.substring(0, route.indexOf(' '));
            String lacking = tokens.get("all but " + scope);
            for (String spelling : spellings) {
                String path = spelling + concrete(pathOf(route));
                for (String variant : List.of(
                        path + "/",
                        path.toUpperCase(Locale.ROOT),
                        "/API" + concrete(pathOf(route)),
                        path.replaceFirst("^(/[^/]+)", "$1;x=1"),
                        "/" + path,
                        path.replaceFirst("/", "/%2e/"),
                        path.replaceFirst("^/(.)", "/%" + Integer.toHexString(path.charAt(1)) + ""))) {
                    HttpReply response = send(method, variant, lacking);
                    softly.assertThat(refusedBeforeHandler(response))
                            .as(
                                    "%s %s without %s answered %d %s",
                                    method, variant, scope, response.status(), response.body())
                            .isTrue();
                }
            }
        });
        softly.assertAll();
    }

    /**
     * The scope a route needs: its own entry, else that of a {@code /prefix/**} entry covering it (framework resource
     * paths such as {@code /webjars/*swagger-ui/<version>/...}). The catch-all {@code /**} covers nothing else.
     */
    private static String expected(String route) {
        String exact = EXPECTED.get(route);
        if (exact != null) {
            return exact;
        }
        return EXPECTED.entrySet().stream()
                .filter(entry -> entry.getKey().endsWith("/**")
                        && !pathOf(entry.getKey()).equals("/**"))
                .filter(entry -> route.startsWith(
                        entry.getKey().substring(0, entry.getKey().length() - 2)))
                .max(java.util.Comparator.comparingInt(entry -> entry.getKey().length()))
                .map(Map.Entry::getValue)
                .orElse(null);
    }

    private void check(SoftAssertions softly, String method, String path, String scope) {
        if (scope.equals(OPEN)) {
            softly.assertThat(send(method, path, null).status())
                    .as("%s %s is open", method, path)
                    .isNotIn(401, 403);
            return;
        }
        softly.assertThat(send(method, path, null).status())
                .as("%s %s without a token", method, path)
                .isEqualTo(401);
        if (scope.equals(NOBODY)) {
            softly.assertThat(send(method, path, tokens.get("all")).status())
                    .as("%s %s with every scope", method, path)
                    .isEqualTo(403);
            return;
        }
        softly.assertThat(send(method, path, tokens.get("all but " + scope)).status())
                .as("%s %s with every scope but %s", method, path, scope)
                .isEqualTo(403);
        softly.assertThat(send(method, path, tokens.get(scope)).status())
                .as("%s %s with only %s", method, path, scope)
                .isNotIn(401, 403, 500);
    }

    /** A refusal by security, the firewall or the router; a handler's own answers carry other problem types. */
    private static boolean refusedBeforeHandler(HttpReply response) {
        int status = response.status();
        if (status == 401 || status == 403 || status == 405) {
            return true;
        }
        String type =
                status == 400 || status == 404 ? response.json().path("type").asString() : "";
        return (status == 404 && type.endsWith("/not-found")) || (status == 400 && type.endsWith("/request-rejected"));
    }

    /** Every mapped route as "METHOD pattern-without-/api" → the prefixes it is mapped under ("/api", ""). */
    private Map<String, Set<String>> mappedRoutes() {
        Map<String, Set<String>> routes = new TreeMap<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()
                .forEach(mapping -> mapping.getHandlerMethods().keySet().forEach(info -> add(routes, info)));
        context.getBeansOfType(AbstractUrlHandlerMapping.class)
                .values()
                .forEach(mapping -> mapping.getHandlerMap().keySet().forEach(pattern -> add(routes, "GET", pattern)));
        context.getBeansOfType(FilterRegistrationBean.class).values().forEach(registration -> {
            for (Object pattern : registration.getUrlPatterns()) {
                if (!pattern.toString().endsWith("/*")) {
                    add(routes, "GET", pattern.toString());
                    add(routes, "POST", pattern.toString());
                }
            }
        });
        return routes;
    }

    private static void add(Map<String, Set<String>> routes, RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        for (String pattern : info.getPatternValues()) {
            if (methods.isEmpty()) {
                add(routes, "GET", pattern);
            }
            methods.forEach(method -> add(routes, method.name(), pattern));
        }
    }

    private static void add(Map<String, Set<String>> routes, String method, String pattern) {
        boolean api = pattern.startsWith("/api/");
        String canonical = api ? pattern.substring("/api".length()) : pattern;
        routes.computeIfAbsent(method + " " + canonical, key -> new TreeSet<>()).add(api ? "/api" : "");
    }

    private static String pathOf(String route) {
        return route.substring(route.indexOf(' ') + 1);
    }

    /** A real path for a pattern: variables and wildcards filled in with values no rule or number has. */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{[^}]+}", "ROUTE-PROBE-1")
                .replace("/**", "/probe")
                .replace("*", "probe");
    }

    private HttpReply send(String method, String path, String token) {
        boolean body = method.equals("POST") || method.equals("PUT");
        return api.send(method, path, token, body ? "{}" : null);
    }
}
