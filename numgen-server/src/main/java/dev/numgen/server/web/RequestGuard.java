package dev.numgen.server.web;

import dev.numgen.problem.ProblemType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The first filter every request meets, health and the issuing endpoint included: it decodes the query string and
 * parses the media-type headers once, so that a malformed one ({@code ?x=%ff}, {@code ?=1}, {@code Accept: text/})
 * gets a 400 problem here instead of an exception deep in a framework (a 500 and a stack trace in the log, reachable
 * without a token), it refuses a bearer token sent as a parameter before anything can log it, and it bounds request
 * bodies to {@link #MAX_BODY_BYTES}. Refusals are logged at DEBUG in one
 * line: a client cannot flood the log with them.
 */
public final class RequestGuard implements Filter {

    private static final Logger log = LoggerFactory.getLogger(RequestGuard.class);
    /** RFC 6750's query and form parameter for a bearer token, which numgen never reads. */
    static final String ACCESS_TOKEN = "access_token";
    /** Far more than the largest rule or issuing body (a few kilobytes). */
    static final long MAX_BODY_BYTES = 64 * 1024;

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest admitted = admit((HttpServletRequest) servletRequest, (HttpServletResponse) servletResponse);
        if (admitted != null) {
            chain.doFilter(admitted, servletResponse);
        }
    }

    /**
     * The request to go on with (its body bounded while it is read, when it came without a length), or null when it
     * was refused and the problem has been written. The issuing endpoint, which answers ahead of this filter, calls it
     * first thing.
     */
    public static HttpServletRequest admit(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            refuse(request, response, ProblemType.PAYLOAD_TOO_LARGE, null, BODY_TOO_LARGE);
            return null;
        }
        Fault fault = fault(request);
        if (fault != null) {
            refuse(request, response, ProblemType.INVALID_REQUEST, fault.field(), fault.detail());
            return null;
        }
        return request.getHeader("Transfer-Encoding") != null ? new BoundedBodyRequest(request) : request;
    }

    static final String BODY_TOO_LARGE = "a request body holds at most " + MAX_BODY_BYTES + " bytes";

    private record Fault(String field, String detail) {}

    private static void refuse(
            HttpServletRequest request, HttpServletResponse response, ProblemType type, String field, String detail)
            throws IOException {
        log.debug("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), detail);
        response.setHeader("X-Content-Type-Options", "nosniff");
        ProblemWriter.write(response, type, detail, request.getRequestURI(), field);
    }

    /** What is wrong with the request's framing, or null. */
    private static Fault fault(HttpServletRequest request) {
        try {
            // Tomcat decodes parameters lazily and throws from whichever call comes first; make it this one.
            for (String name : request.getParameterMap().keySet()) {
                if (!isParameterName(name)) {
                    return new Fault("query", "parameter names are 1 to 64 of A-Z a-z 0-9 _ . -");
                }
                // Refused here, ahead of every layer that logs the request line (Spring Security's at DEBUG): a token
                // in the URL would otherwise reach the log, and it is never read anyway. Under any capitalisation,
                // since a client that sends Access_Token means the same.
                if (name.equalsIgnoreCase(ACCESS_TOKEN)) {
                    return new Fault(
                            ACCESS_TOKEN,
                            "a bearer token goes in the Authorization header only, never in the query string or a"
                                    + " form, where logs and proxies keep it");
                }
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            return new Fault(
                    "query",
                    "the query string or form body cannot be decoded (a malformed percent-escape, an empty"
                            + " parameter name or too many parameters)");
        }
        if (!parses(request.getHeader(HttpHeaders.ACCEPT), true)) {
            return new Fault(HttpHeaders.ACCEPT, "the Accept header is not a valid list of media types");
        }
        if (!parses(request.getHeader(HttpHeaders.CONTENT_TYPE), false)) {
            return new Fault(HttpHeaders.CONTENT_TYPE, "the Content-Type header is not a valid media type");
        }
        return null;
    }

    private static boolean isParameterName(String name) {
        if (name.isEmpty() || name.length() > 64) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '.'
                    || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private static boolean parses(String header, boolean list) {
        if (header == null || header.equals("*/*") || header.equals(MediaType.APPLICATION_JSON_VALUE)) {
            return true;
        }
        try {
            if (list) {
                MediaType.parseMediaTypes(header);
            } else {
                MediaType.parseMediaType(header);
            }
            return true;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
