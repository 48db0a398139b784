package dev.numgen.server.web;

import dev.numgen.problem.ProblemType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem straight to a servlet response, for the places that answer before Spring MVC does: the
 * issuing endpoint, the security filters, the request guard and the container's error report. Details are fixed
 * sentences chosen by numgen; no exception message, token or header value reaches a body.
 */
public final class ProblemWriter {

    private ProblemWriter() {}

    public static void write(HttpServletResponse response, ProblemType type, String detail, String instance)
            throws IOException {
        write(response, type, detail, instance, null);
    }

    /** With the request field at fault, when there is one. */
    static void write(HttpServletResponse response, ProblemType type, String detail, String instance, String field)
            throws IOException {
        write(response, type.status(), type.type().toString(), type.title(), detail, instance, field);
    }

    /**
     * For a status the container decided: numgen's type for it where there is one, else {@code about:blank}
     * (RFC 9457: nothing to add to the status), always with the status as it was decided.
     */
    static void writeStatus(HttpServletResponse response, int status, String instance) throws IOException {
        ProblemType type = DecidedStatus.refusalTypeOf(status);
        if (type != null) {
            write(response, type, type.description(), instance, null);
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "HTTP status " + status : known.getReasonPhrase();
        write(response, status, "about:blank", title, title, instance, null);
    }

    private static void write(
            HttpServletResponse response,
            int status,
            String type,
            String title,
            String detail,
            String instance,
            String field)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        if (field != null) {
            problem.put("field", field);
        }
        byte[] body = JsonMapper.shared().writeValueAsBytes(problem);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
