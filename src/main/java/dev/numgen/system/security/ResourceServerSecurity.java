package dev.numgen.system.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application is an OAuth2 resource server: every request but health and the API docs needs a bearer JWT,
 * and scope authorities ({@code SCOPE_numbers:generate}, ...) come from the token's {@code scope} claim.
 */
@Configuration(proxyBeanMethods = false)
final class ResourceServerSecurity {

    private static final String[] OPEN = {
        "/actuator/health", "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"
    };
    private static final long TOKEN_CACHE_ENTRIES = 10_000;
    private static final Duration TOKEN_CACHE_ENTRY_LIFETIME = Duration.ofMinutes(5);

    @Bean
    static TokenIssuerCheck tokenIssuerCheck(Environment environment) {
        return new TokenIssuerCheck(environment);
    }

    /** The token checks, shared by the filter chain and the issuing endpoint. */
    @Bean
    TokenChecks tokenChecks(ObjectProvider<JwtDecoder> decoders, ObjectProvider<Clock> clocks, JsonMapper json) {
        JwtDecoder decoder = new CachingJwtDecoder(
                decoders.getObject(),
                clocks.getIfAvailable(Clock::systemUTC),
                TOKEN_CACHE_ENTRIES,
                TOKEN_CACHE_ENTRY_LIFETIME);
        SecurityProblems problems = new SecurityProblems(json);
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
                .authorizeHttpRequests(ResourceServerSecurity::routes)
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

    record TokenChecks(
            JwtDecoder decoder, ProblemAuthenticationEntryPoint entryPoint, ProblemAccessDeniedHandler accessDenied) {}

    private static void routes(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(OPEN)
                .permitAll()
                .requestMatchers(GET, "/api/numbers", "/numbers")
                .hasAuthority("SCOPE_numbers:generate")
                .requestMatchers(POST, "/api/numbers", "/numbers")
                .hasAuthority("SCOPE_numbers:generate")
                .requestMatchers(GET, "/api/prefix-configs/**", "/prefix-configs/**")
                .hasAuthority("SCOPE_prefix-configs:read")
                .requestMatchers("/api/prefix-configs/**", "/prefix-configs/**")
                .hasAuthority("SCOPE_prefix-configs:write")
                .requestMatchers(
                        "/api/numbers/*/void", "/api/provisional-numbers/**", "/api/cluster/**", "/actuator/prometheus")
                .hasAuthority("SCOPE_numbers:admin")
                .anyRequest()
                .authenticated();
    }
}
