package dev.numgen.server.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/** Answers a missing or rejected bearer token: RFC 6750 status and WWW-Authenticate header, RFC 9457 body. */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final AuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final SecurityProblems problems;

    ProblemAuthenticationEntryPoint(SecurityProblems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        bearer.commence(request, response, failure);
        HttpStatus status = HttpStatus.valueOf(response.getStatus());
        problems.write(request, response, status, detail(status, failure));
    }

    private static String detail(HttpStatus status, AuthenticationException failure) {
        if (status == HttpStatus.BAD_REQUEST) {
            return "The Authorization header is malformed.";
        }
        if (failure instanceof OAuth2AuthenticationException) {
            return "The bearer token is invalid or has expired.";
        }
        return "This endpoint requires a bearer token.";
    }
}
