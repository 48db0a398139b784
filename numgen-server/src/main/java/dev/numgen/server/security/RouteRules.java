package dev.numgen.server.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may call what. Each API route's rule is written once and holds for both spellings the API answers to, with and
 * without {@code /api}; a GET rule covers HEAD too (Spring MVC answers HEAD on every GET route; the issuing endpoint
 * answers it with 405 once the token has the scope). The issuing endpoint, which answers ahead of this chain, takes
 * its scope from here as well ({@link BearerAccess#requiredScope}). Anything not listed here is denied to every token,
 * so a new route does nothing until it has a rule.
 */
final class RouteRules {

    static final String GENERATE = "numbers:generate";
    static final String READ = "prefix-configs:read";
    static final String WRITE = "prefix-configs:write";
    static final String ADMIN = "numbers:admin";

    /** A route: method, path pattern as written without {@code /api}, the scope it needs. */
    record Rule(HttpMethod method, String path, String scope, boolean api) {

        /** Every path the rule applies to. */
        List<String> spellings() {
            return api ? List.of("/api" + path, path) : List.of(path);
        }

        List<HttpMethod> methods() {
            return method.equals(GET) ? List.of(GET, HEAD) : List.of(method);
        }
    }

    static final List<Rule> RULES = List.of(
            api(GET, "/numbers", GENERATE),
            api(POST, "/numbers", GENERATE),
            api(GET, "/prefix-configs", READ),
            api(GET, "/prefix-configs/*", READ),
            api(GET, "/prefix-configs/*/changes", READ),
            api(GET, "/prefix-configs/*/voids", READ),
            api(GET, "/prefix-configs/*/register", READ),
            api(GET, "/prefix-configs/*/register/check", READ),
            api(PUT, "/prefix-configs/*", WRITE),
            api(POST, "/numbers/*/void", ADMIN),
            api(GET, "/provisional-numbers", ADMIN),
            api(GET, "/provisional-numbers/*", ADMIN),
            api(POST, "/provisional-numbers/*/resolution", ADMIN),
            api(GET, "/cluster", ADMIN),
            api(PUT, "/cluster/baseline", ADMIN),
            new Rule(GET, "/actuator/prometheus", ADMIN, false));

    /** Open to anyone: health probes, the API description, problem type pages, the protected-resource metadata. */
    static final List<String> OPEN = List.of(
            "/actuator/health",
            "/actuator/health/**",
            "/v3/api-docs",
            "/v3/api-docs/**",
            "/v3/api-docs.yaml",
            "/swagger-ui/**",
            "/swagger-ui.html",
            "/problems/**",
            "/.well-known/oauth-protected-resource");

    private RouteRules() {}

    static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        for (Rule rule : RULES) {
            String[] paths = rule.spellings().toArray(String[]::new);
            for (HttpMethod method : rule.methods()) {
                routes.requestMatchers(method, paths).hasAuthority("SCOPE_" + rule.scope());
            }
        }
        String[] open = OPEN.toArray(String[]::new);
        routes.requestMatchers(GET, open).permitAll();
        routes.requestMatchers(HEAD, open).permitAll();
        // The container's error dispatch renders a status that was already decided (see web/ProblemErrors).
        routes.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
        // Denied to every token; asking for the authentication first makes a request without one a 401, as elsewhere.
        routes.anyRequest().access((authentication, context) -> {
            authentication.get();
            return new AuthorizationDecision(false);
        });
    }

    /** The scope of the rule written for exactly this method and path (as written, without {@code /api}). */
    static String scopeFor(HttpMethod method, String path) {
        return RULES.stream()
                .filter(rule -> rule.method().equals(method) && rule.path().equals(path))
                .map(Rule::scope)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no route rule for " + method + " " + path));
    }

    private static Rule api(HttpMethod method, String path, String scope) {
        return new Rule(method, path, scope, true);
    }
}
