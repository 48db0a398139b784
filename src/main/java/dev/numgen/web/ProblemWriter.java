package dev.numgen.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
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
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.type.toString());
        problem.put("title", type.title);
        problem.put("status", type.status.value());
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        byte[] body = JsonMapper.shared().writeValueAsBytes(problem);
        response.setStatus(type.status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
