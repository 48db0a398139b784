package dev.numgen.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}): a status that a filter or the container already decided (with
 * {@code sendError}) is answered as an RFC 9457 problem rather than Spring Boot's JSON or HTML error page. Reached by
 * the container's error dispatch only; a request for {@code /error} itself is refused by security.
 */
@RestController
final class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemWriter.writeStatus(
                response, status instanceof Integer code ? code : 500, uri == null ? null : uri.toString());
    }
}
