package dev.numgen.server.security;

import dev.numgen.problem.ProblemType;
import dev.numgen.server.web.ProblemWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The whole application is an OAuth2 resource server: every request but health, the API docs and the problem pages
 * needs a bearer JWT, scope authorities ({@code SCOPE_numbers:generate}, ...) come from the token's {@code scope}
 * claim, and {@link RouteRules} says which route needs which.
 */
@Configuration(proxyBeanMethods = false)
final class ResourceServerSecurity {

    private static final Logger log = LoggerFactory.getLogger(ResourceServerSecurity.class);
    /** What StrictHttpFirewall lets through by default. */
    private static final Set<String> FIREWALL_METHODS =
            Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");
    /** Every method some route of numgen answers. */
    private static final String SERVED_METHODS = "GET, HEAD, POST, PUT";

    private static final long TOKEN_CACHE_ENTRIES = 10_000;
    private static final Duration TOKEN_CACHE_ENTRY_LIFETIME = Duration.ofMinutes(5);

    @Bean
    static TokenIssuerCheck tokenIssuerCheck(Environment environment) {
        return new TokenIssuerCheck(environment);
    }

    /** The token checks, shared by the filter chain and the issuing endpoint. */
    @Bean
    TokenChecks tokenChecks(ObjectProvider<JwtDecoder> decoders, ObjectProvider<Clock> clocks) {
        JwtDecoder decoder = new CachingJwtDecoder(
                decoders.getObject(),
                clocks.getIfAvailable(Clock::systemUTC),
                TOKEN_CACHE_ENTRIES,
                TOKEN_CACHE_ENTRY_LIFETIME);
        SecurityProblems problems = new SecurityProblems();
        return new TokenChecks(
                decoder, new ProblemAuthenticationEntryPoint(problems), new ProblemAccessDeniedHandler(problems));
    }

    @Bean
    BearerAccess bearerAccess(TokenChecks checks) {
        return new BearerAccess(checks.decoder(), checks.entryPoint(), checks.accessDenied());
    }

    @Bean
    SecurityFilterChain resourceServerFilterChain(HttpSecurity http, TokenChecks checks) throws Exception {
        JwtDecoder decoder = checks.decoder();
        ProblemAuthenticationEntryPoint entryPoint = checks.entryPoint();
        ProblemAccessDeniedHandler accessDenied = checks.accessDenied();
        return http
                // Credentials travel only in the Authorization header, never in a cookie a forged request could use.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .logout(AbstractHttpConfigurer::disable)
                // A stateless API: no saved requests, no anonymous principal.
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(RouteRules::apply)
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new HeaderBearerTokenResolver())
                        .jwt(jwt -> jwt.decoder(decoder))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .build();
    }

    /**
     * Spring Security wraps every filter in a Micrometer observation when metrics are on; that
     * costs more per request than the rest of the chain. HTTP request metrics stay
     * ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The default strict firewall, with its Unicode checks done by {@link PrintableText}. */
    @Bean
    WebSecurityCustomizer strictFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        PrintableText printable = new PrintableText();
        firewall.setAllowedHeaderNames(printable);
        firewall.setAllowedHeaderValues(printable);
        firewall.setAllowedParameterNames(printable);
        firewall.setAllowedParameterValues(printable);
        return web -> web.httpFirewall(firewall);
    }

    /**
     * Requests the firewall refuses (an encoded slash or percent sign, a backslash, {@code ;} or {@code //} in the
     * path, an HTTP method no route answers) get a problem with the right status, not Spring's bare 400 and then a
     * 401 from the error page. Logged at DEBUG only, so they cannot flood the log.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            // The firewall's message quotes the rejected header or parameter value (a bearer token, say): never logged.
            boolean method = !FIREWALL_METHODS.contains(request.getMethod());
            String what = method ? "method" : rejectedPart(rejected.getMessage());
            log.debug("Firewall refused a request to {}: its {}", request.getRequestURI(), what);
            if (method) {
                response.setHeader(HttpHeaders.ALLOW, SERVED_METHODS);
                ProblemWriter.write(
                        response, ProblemType.METHOD_NOT_ALLOWED, "no route answers this HTTP method", null);
                return;
            }
            ProblemWriter.write(
                    response,
                    ProblemType.REQUEST_REJECTED,
                    switch (what) {
                        case "header" -> "a header name or value holds characters numgen never accepts";
                        case "parameter" -> "a parameter name or value holds characters numgen never accepts";
                        default ->
                            "the path contains a sequence numgen never serves (an encoded slash,"
                                    + " backslash, percent sign or NUL, a path parameter, or a doubled slash)";
                    },
                    null);
        };
    }

    /** Which part of the request the firewall's message names; the message itself may quote secrets. */
    private static String rejectedPart(String message) {
        if (message != null && message.contains("the header")) {
            return "header";
        }
        return message != null && message.contains("the parameter") ? "parameter" : "path";
    }

    record TokenChecks(
            JwtDecoder decoder, ProblemAuthenticationEntryPoint entryPoint, ProblemAccessDeniedHandler accessDenied) {}
}
