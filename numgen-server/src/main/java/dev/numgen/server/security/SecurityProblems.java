package dev.numgen.server.security;

import dev.numgen.problem.ProblemType;
import dev.numgen.server.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;

/**
 * Writes the RFC 9457 bodies for failures the security filters answer before a request reaches {@code web/}. Details
 * are fixed sentences: no exception message, token or header value ever reaches a body.
 */
final class SecurityProblems {

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemWriter.write(response, typeOf(status), detail, request.getRequestURI());
    }

    private static ProblemType typeOf(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> ProblemType.UNAUTHORIZED;
            case FORBIDDEN -> ProblemType.FORBIDDEN;
            default -> ProblemType.INVALID_REQUEST;
        };
    }
}
