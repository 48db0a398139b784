package dev.numgen.server.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Bearer-token access for the issuing endpoint, which answers before Spring Security's filter
 * chain to keep the hot path short. It checks exactly what the chain checks for the other
 * endpoints (the same decoder with its signature, issuer and time validation, and the scope
 * from {@code scope} or {@code scp}) and refuses with the same 401/403 responses.
 */
public final class BearerAccess {

    private final HeaderBearerTokenResolver resolver = new HeaderBearerTokenResolver();
    private final JwtDecoder decoder;
    private final AuthenticationEntryPoint unauthorized;
    private final AccessDeniedHandler forbidden;

    BearerAccess(JwtDecoder decoder, AuthenticationEntryPoint unauthorized, AccessDeniedHandler forbidden) {
        this.decoder = decoder;
        this.unauthorized = unauthorized;
        this.forbidden = forbidden;
    }

    /**
     * The token's subject when the request carries a valid token with {@code scope}; otherwise
     * the 401 or 403 problem has been written and the result is empty.
     */
    public Optional<String> admit(HttpServletRequest request, HttpServletResponse response, String scope)
            throws IOException, ServletException {
        Jwt jwt;
        try {
            String token = resolver.resolve(request);
            if (token == null) {
                unauthorized.commence(
                        request, response, new AuthenticationCredentialsNotFoundException("no bearer token"));
                return Optional.empty();
            }
            jwt = decoder.decode(token);
        } catch (InvalidBearerTokenException e) {
            unauthorized.commence(request, response, e);
            return Optional.empty();
        } catch (JwtException e) {
            unauthorized.commence(request, response, new InvalidBearerTokenException("invalid token", e));
            return Optional.empty();
        }
        if (!hasScope(jwt, scope)) {
            // Lets the 403 name the missing scope, as Spring's handler does for a bearer token.
            HttpServletRequest withPrincipal = new PrincipalRequest(request, new JwtAuthenticationToken(jwt));
            forbidden.handle(withPrincipal, response, new AccessDeniedException("missing scope " + scope));
            return Optional.empty();
        }
        return Optional.of(jwt.getSubject());
    }

    /** The scope a route needs, from the one table of route rules; the issuing endpoint asks here for its own. */
    public static String requiredScope(HttpMethod method, String path) {
        return RouteRules.scopeFor(method, path);
    }

    /** Scopes as Spring's JwtGrantedAuthoritiesConverter reads them: {@code scope}, else {@code scp}. */
    static boolean hasScope(Jwt jwt, String scope) {
        Object claim = jwt.hasClaim("scope") ? jwt.getClaim("scope") : jwt.getClaim("scp");
        if (claim instanceof String text) {
            for (String granted : text.split(" ")) {
                if (granted.equals(scope)) {
                    return true;
                }
            }
            return false;
        }
        return claim instanceof Collection<?> granted && granted.contains(scope);
    }

    private static final class PrincipalRequest extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final java.security.Principal principal;

        PrincipalRequest(HttpServletRequest request, java.security.Principal principal) {
            super(request);
            this.principal = principal;
        }

        @Override
        public java.security.Principal getUserPrincipal() {
            return principal;
        }
    }
}
