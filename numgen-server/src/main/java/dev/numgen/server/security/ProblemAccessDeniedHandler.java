package dev.numgen.server.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Answers a valid token that lacks the scope: 403 with the insufficient_scope header and an RFC 9457 body. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final AccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
    private final SecurityProblems problems;

    ProblemAccessDeniedHandler(SecurityProblems problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        bearer.handle(request, response, denied);
        problems.write(
                request, response, HttpStatus.FORBIDDEN, "The access token lacks the scope this operation requires.");
    }
}
