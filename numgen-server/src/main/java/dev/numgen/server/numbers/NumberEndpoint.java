package dev.numgen.server.numbers;

import dev.numgen.issue.IdempotencyKeyBusyException;
import dev.numgen.issue.IdempotencyKeyReusedException;
import dev.numgen.issue.IdempotencyLimitException;
import dev.numgen.issue.IdempotencyStoreUnavailableException;
import dev.numgen.issue.IdempotentIssuer;
import dev.numgen.issue.InvalidIssueRequestException;
import dev.numgen.issue.IssuedNumbers;
import dev.numgen.issue.NoMajorityException;
import dev.numgen.issue.NumberIssuer;
import dev.numgen.issue.ProvisionalJournalException;
import dev.numgen.issue.QuotaExceededException;
import dev.numgen.problem.ProblemType;
import dev.numgen.rule.InvalidPrefixKeyException;
import dev.numgen.rule.InvalidRuleException;
import dev.numgen.rule.RuleStoreUnavailableException;
import dev.numgen.rule.UnknownPrefixException;
import dev.numgen.sequence.CounterExhaustedException;
import dev.numgen.sequence.SequenceUnavailableException;
import dev.numgen.server.security.BearerAccess;
import dev.numgen.server.web.JsonBodyFault;
import dev.numgen.server.web.ProblemResponses;
import dev.numgen.server.web.RequestGuard;
import dev.numgen.server.web.UnsupportedBodyException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
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
 * A POST may carry {@code {"prefixKey": "ORDER", "count": 3, "variables": {"region": "EU"}}}; a variable is never
 * taken for {@code prefixKey} or {@code count}.
 */
public final class NumberEndpoint implements Filter {

    /** The scope the route rules give {@code GET /numbers} (and {@code /api/numbers}). */
    static final String SCOPE = BearerAccess.requiredScope(HttpMethod.GET, "/numbers");
    /** The two spellings exactly: a path parameter, a doubled slash or a dot segment is refused as elsewhere. */
    private static final Set<String> PATHS = Set.of("/api/numbers", "/numbers");

    public static final String MODE_HEADER = "Numgen-Mode";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

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
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        // This endpoint answers ahead of the request guard and the firewall, so it asks both questions itself.
        HttpServletRequest request = RequestGuard.admit((HttpServletRequest) servletRequest, response);
        if (request == null) {
            return;
        }
        if (!PATHS.contains(request.getRequestURI()) && !PATHS.contains(unreservedDecoded(request.getRequestURI()))) {
            writeProblem(response, ProblemType.REQUEST_REJECTED, "the path holds a sequence numgen never serves");
            return;
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        // The token first, as on every other route: without the scope, no method says anything about this one.
        Optional<String> caller = access.admit(request, response, SCOPE);
        if (caller.isEmpty()) {
            return;
        }
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("POST")) {
            response.setHeader(HttpHeaders.ALLOW, "GET, POST");
            writeProblem(response, ProblemType.METHOD_NOT_ALLOWED, "use GET or POST");
            return;
        }
        try {
            boolean text = wantsText(request.getHeader(HttpHeaders.ACCEPT));
            long started = System.nanoTime();
            IssuedNumbers issued =
                    method.equals("GET") ? issueFromQuery(request, caller.get()) : issueFromBody(request, caller.get());
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

    /**
     * The path with its percent-encoded unreserved characters decoded ({@code /api/%6Eumbers} is {@code /api/numbers},
     * RFC 3986 6.2.2.2), as the filter chain matches paths for every other route; anything else stays encoded (the
     * period too, which the firewall refuses encoded), so an encoded slash, percent sign or dot segment still makes the
     * path one numgen never serves.
     */
    static String unreservedDecoded(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        StringBuilder decoded = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            int value = c == '%' && isHexPair(path, i + 1) ? HexFormat.fromHexDigits(path, i + 1, i + 3) : -1;
            if (isUnreserved(value)) {
                decoded.append((char) value);
                i += 2;
            } else {
                decoded.append(c);
            }
        }
        return decoded.toString();
    }

    private static boolean isHexPair(String text, int at) {
        return at + 1 < text.length()
                && HexFormat.isHexDigit(text.charAt(at))
                && HexFormat.isHexDigit(text.charAt(at + 1));
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_'
                || c == '~';
    }

    /** A POST body as JSON. */
    record IssueRequest(String prefixKey, Integer count, Map<String, String> variables) {}

    /**
     * The method serving {@code GET} or {@code POST}: its {@code throws} clause names what the operation can answer
     * with, and the API description lists exactly that ({@code IssuingOperations}).
     */
    public static Method servingMethod(HttpMethod method) {
        String name = method.equals(HttpMethod.GET) ? "issueFromQuery" : "issueFromBody";
        try {
            return NumberEndpoint.class.getDeclaredMethod(name, HttpServletRequest.class, String.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("NumberEndpoint serves " + method + " with " + name, e);
        }
    }

    /**
     * GET: every parameter comes from the query. {@code prefixKey} and {@code count} come only from their own
     * parameter, variables from the others; a parameter given twice is refused, so no layer in front can pick another
     * value than this one does.
     */
    private IssuedNumbers issueFromQuery(HttpServletRequest request, String caller)
            throws InvalidIssueRequestException, InvalidPrefixKeyException, UnknownPrefixException,
                    InvalidRuleException, QuotaExceededException, CounterExhaustedException, NoMajorityException,
                    SequenceUnavailableException, RuleStoreUnavailableException, ProvisionalJournalException,
                    IdempotencyKeyReusedException, IdempotencyKeyBusyException, IdempotencyLimitException,
                    IdempotencyStoreUnavailableException {
        Map<String, String> variables = queryParameters(request);
        String prefixKey = variables.remove("prefixKey");
        Integer count = count(variables.remove("count"));
        return issue(request, caller, prefixKey, count, variables);
    }

    /**
     * POST: the query as for GET, and a JSON body when there is one. Where both name {@code prefixKey} or
     * {@code count} they must agree, and so must the variables of both; a variable is never taken for either.
     */
    private IssuedNumbers issueFromBody(HttpServletRequest request, String caller)
            throws IOException, UnsupportedBodyException, InvalidIssueRequestException, InvalidPrefixKeyException,
                    UnknownPrefixException, InvalidRuleException, QuotaExceededException, CounterExhaustedException,
                    NoMajorityException, SequenceUnavailableException, RuleStoreUnavailableException,
                    ProvisionalJournalException, IdempotencyKeyReusedException, IdempotencyKeyBusyException,
                    IdempotencyLimitException, IdempotencyStoreUnavailableException {
        Map<String, String> variables = queryParameters(request);
        String prefixKey = variables.remove("prefixKey");
        Integer count = count(variables.remove("count"));
        if (isJson(request.getContentType())) {
            IssueRequest body = readBody(request);
            prefixKey = agreed("prefixKey", prefixKey, body.prefixKey());
            count = agreed("count", count, body.count());
            merge(variables, body.variables());
        } else if (hasBody(request)) {
            throw new UnsupportedBodyException();
        }
        return issue(request, caller, prefixKey, count, variables);
    }

    private IssuedNumbers issue(
            HttpServletRequest request, String caller, String prefixKey, Integer count, Map<String, String> variables) {
        if (prefixKey == null || prefixKey.isBlank()) {
            throw new InvalidIssueRequestException("prefixKey", "prefixKey is required");
        }
        int issued = count == null ? 1 : count;
        String idempotencyKey = request.getHeader(IDEMPOTENCY_KEY);
        return idempotencyKey == null
                ? issuer.issue(caller, prefixKey, issued, variables)
                : idempotent.issue(caller, idempotencyKey, prefixKey, issued, variables);
    }

    private static Map<String, String> queryParameters(HttpServletRequest request) {
        Map<String, String> parameters = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, single(name, values)));
        return parameters;
    }

    private IssueRequest readBody(HttpServletRequest request) throws IOException {
        IssueRequest body;
        try {
            body = json.readValue(request.getInputStream(), IssueRequest.class);
        } catch (JacksonException e) {
            throw JsonBodyFault.of(e);
        }
        if (body == null) {
            throw new InvalidIssueRequestException("body", "the request body must be a JSON object");
        }
        return body;
    }

    private static String single(String name, String[] values) {
        if (values.length != 1) {
            throw new InvalidIssueRequestException(name, "parameter " + name + " is given more than once");
        }
        return values[0];
    }

    private static <T> T agreed(String field, T fromQuery, T fromBody) {
        if (fromQuery != null && fromBody != null && !fromQuery.equals(fromBody)) {
            throw new InvalidIssueRequestException(field, field + " differs between the query and the body");
        }
        return fromQuery != null ? fromQuery : fromBody;
    }

    private static void merge(Map<String, String> variables, Map<String, String> fromBody) {
        if (fromBody == null) {
            return;
        }
        fromBody.forEach((name, value) -> {
            if (value == null) {
                throw new InvalidIssueRequestException(name, "variable " + name + " must be a string");
            }
            if (!value.equals(variables.getOrDefault(name, value))) {
                throw new InvalidIssueRequestException(
                        name, "variable " + name + " differs between the query and the body");
            }
            variables.put(name, value);
        });
    }

    /**
     * One to four ASCII digits, or null when not given; {@code Integer.parseInt} alone would take a sign and other
     * scripts' digits.
     */
    private static Integer count(String count) {
        if (count == null) {
            return null;
        }
        if (count.isEmpty() || count.length() > 4 || !count.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidIssueRequestException(
                    "count", "count must be a whole number 1.." + NumberIssuer.MAX_COUNT + " in ASCII digits");
        }
        return Integer.parseInt(count);
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

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
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
