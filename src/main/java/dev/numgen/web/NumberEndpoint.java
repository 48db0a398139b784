package dev.numgen.web;

import dev.numgen.issue.IdempotentIssuer;
import dev.numgen.issue.InvalidIssueRequestException;
import dev.numgen.issue.IssuedNumbers;
import dev.numgen.issue.NumberIssuer;
import dev.numgen.system.security.BearerAccess;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET|POST /api/numbers} (and {@code /numbers}): the issuing endpoint, served by this one
 * servlet filter ahead of Spring Security's chain and Spring MVC, because it is the hot path and
 * those layers cost several times the work of issuing a number. It keeps their contract: the
 * same bearer-token checks ({@link BearerAccess}), the same RFC 9457 problems ({@link
 * ProblemResponses#problemFor}), {@code Cache-Control: no-store} and {@code nosniff}.
 *
 * <p>Every parameter other than {@code prefixKey} and {@code count} is a variable of the rule.
 * A POST may carry {@code {"prefixKey": "ORDER", "count": 3, "variables": {"region": "EU"}}}.
 */
final class NumberEndpoint implements Filter {

    static final String SCOPE = "numbers:generate";
    static final String MODE_HEADER = "Numgen-Mode";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final NumberIssuer issuer;
    private final IdempotentIssuer idempotent;
    private final BearerAccess access;
    private final JsonMapper json;
    private final IssueMetrics metrics;

    NumberEndpoint(
            NumberIssuer issuer,
            IdempotentIssuer idempotent,
            BearerAccess access,
            JsonMapper json,
            IssueMetrics metrics) {
        this.issuer = issuer;
        this.idempotent = idempotent;
        this.access = access;
        this.json = json;
        this.metrics = metrics;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("POST")) {
            response.setHeader(HttpHeaders.ALLOW, "GET, POST");
            writeProblem(response, ProblemType.METHOD_NOT_ALLOWED, "use GET or POST");
            return;
        }
        Optional<String> caller = access.admit(request, response, SCOPE);
        if (caller.isEmpty()) {
            return;
        }
        try {
            boolean text = wantsText(request.getHeader(HttpHeaders.ACCEPT));
            long started = System.nanoTime();
            IssuedNumbers issued = issue(request, caller.get());
            metrics.issued(issued, System.nanoTime() - started);
            response.setHeader(MODE_HEADER, issued.mode().name());
            if (text) {
                writeText(response, issued);
            } else {
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                byte[] body = json.writeValueAsBytes(issued);
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
        } catch (RuntimeException e) {
            write(response, ProblemResponses.problemFor(e));
        }
    }

    /** A POST body as JSON. */
    record IssueRequest(String prefixKey, Integer count, Map<String, String> variables) {}

    private IssuedNumbers issue(HttpServletRequest request, String caller) throws IOException {
        Map<String, String> parameters = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, values[0]));
        if (request.getMethod().equals("POST") && isJson(request.getContentType())) {
            merge(parameters, readBody(request));
        }
        String prefixKey = parameters.remove("prefixKey");
        if (prefixKey == null || prefixKey.isBlank()) {
            throw new InvalidIssueRequestException("prefixKey", "prefixKey is required");
        }
        int count = count(parameters.remove("count"));
        String idempotencyKey = request.getHeader(IDEMPOTENCY_KEY);
        return idempotencyKey == null
                ? issuer.issue(caller, prefixKey, count, parameters)
                : idempotent.issue(caller, idempotencyKey, prefixKey, count, parameters);
    }

    private IssueRequest readBody(HttpServletRequest request) throws IOException {
        try {
            return json.readValue(request.getInputStream(), IssueRequest.class);
        } catch (JacksonException e) {
            throw new InvalidIssueRequestException("body", "the request body is not a valid issue request");
        }
    }

    private static void merge(Map<String, String> parameters, IssueRequest body) {
        if (body == null) {
            return;
        }
        if (body.variables() != null) {
            parameters.putAll(body.variables());
        }
        if (body.prefixKey() != null) {
            parameters.put("prefixKey", body.prefixKey());
        }
        if (body.count() != null) {
            parameters.put("count", body.count().toString());
        }
    }

    private static int count(String count) {
        if (count == null) {
            return 1;
        }
        try {
            return Integer.parseInt(count.trim());
        } catch (NumberFormatException e) {
            throw new InvalidIssueRequestException(
                    "count", "count must be a whole number 1.." + NumberIssuer.MAX_COUNT);
        }
    }

    /** JSON unless the client prefers text/plain; no Accept, or {@code *}/{@code *}, means JSON. */
    static boolean wantsText(String accept) {
        if (accept == null || accept.isEmpty() || accept.equals("*/*")) {
            return false;
        }
        for (MediaType type : MediaType.parseMediaTypes(accept).stream()
                .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
                .toList()) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return false;
            }
            if (type.isCompatibleWith(MediaType.TEXT_PLAIN)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    private static void writeText(HttpServletResponse response, IssuedNumbers issued) throws IOException {
        StringBuilder text = new StringBuilder(issued.numbers().size() * 24);
        for (String number : issued.numbers()) {
            text.append(number).append('\n');
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void writeProblem(HttpServletResponse response, ProblemType type, String detail) throws IOException {
        write(response, ProblemResponses.respond(ProblemResponses.problem(type, detail, null, null)));
    }

    private void write(HttpServletResponse response, ResponseEntity<Object> problem) throws IOException {
        response.setStatus(problem.getStatusCode().value());
        problem.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        byte[] body = json.writeValueAsBytes(problem.getBody());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
