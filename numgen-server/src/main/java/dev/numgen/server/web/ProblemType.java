package dev.numgen.server.web;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * Every problem numgen answers with: a stable {@code type}, its title, status and what it means. Types are relative
 * URIs ({@code /problems/invalid-request}) that resolve against the node that answered, which serves each one's
 * description there ({@link ProblemPages}); no outside domain is involved.
 */
public enum ProblemType {
    PREFIX_NOT_REGISTERED(
            "prefix-not-registered",
            "Prefix not registered",
            HttpStatus.NOT_FOUND,
            "No rule is registered under this prefix key. Register one with PUT /api/prefix-configs/{prefixKey}."),
    INVALID_REQUEST(
            "invalid-request",
            "Invalid request",
            HttpStatus.BAD_REQUEST,
            "A parameter, header or body field is missing, malformed or out of range; `field` names it. Nothing was"
                    + " issued or changed."),
    INVALID_RULE(
            "invalid-rule",
            "Invalid prefix rule",
            HttpStatus.UNPROCESSABLE_CONTENT,
            "Each field has its documented shape, but together they make no rule that can be registered: a format"
                    + " the format language does not accept, a longest number over 64 characters, a variable the"
                    + " format does not use, maxValue below start or beyond the {seq:N} width, a variable pattern"
                    + " that cannot be matched in linear time. `field` names the part at fault and, for a format,"
                    + " `position` the character. Nothing was changed."),
    RULE_CHANGE_REFUSED(
            "rule-change-refused",
            "Rule change refused",
            HttpStatus.CONFLICT,
            "The change could make the rule issue a number twice (a reset the format cannot show, a lower maxValue,"
                    + " another strategy after numbers were issued, ...). Nothing was changed."),
    COUNTER_EXHAUSTED(
            "counter-exhausted",
            "Counter exhausted",
            HttpStatus.CONFLICT,
            "The counter reached the rule's maxValue; no number was issued."),
    VOID_REFUSED(
            "void-refused",
            "Void refused",
            HttpStatus.CONFLICT,
            "Only an issued GAPLESS number can be voided, and only once."),
    IDEMPOTENCY_KEY_REUSED(
            "idempotency-key-reused",
            "Idempotency-Key used with other parameters",
            HttpStatus.UNPROCESSABLE_CONTENT,
            "This Idempotency-Key was first used with other parameters; use a new key for a new request."),
    IDEMPOTENCY_KEY_BUSY(
            "idempotency-key-busy",
            "Idempotency-Key request in progress",
            HttpStatus.CONFLICT,
            "A request with this Idempotency-Key is still being served; retry after Retry-After."),
    QUOTA_EXCEEDED(
            "quota-exceeded",
            "Quota exceeded",
            HttpStatus.TOO_MANY_REQUESTS,
            "This client (token subject) took its quota of numbers from this rule on this node; nothing was issued."
                    + " Retry after Retry-After seconds."),
    IDEMPOTENCY_LIMIT_REACHED(
            "idempotency-limit-reached",
            "Idempotency-Key records at their limit",
            HttpStatus.TOO_MANY_REQUESTS,
            "This client holds as many Idempotency-Key records as it may; nothing was issued or stored. Retry after"
                    + " Retry-After seconds, when the oldest expire."),
    VERSION_MISMATCH(
            "version-mismatch",
            "Rule version does not match If-Match",
            HttpStatus.PRECONDITION_FAILED,
            "The rule changed since the version named in If-Match; read it again and retry."),
    BASELINE_CHANGE_REFUSED(
            "baseline-change-refused",
            "Baseline change refused",
            HttpStatus.CONFLICT,
            "The baseline can be set only from a node in the majority, to exactly the server nodes online now."),
    RESOLUTION_REFUSED(
            "resolution-refused",
            "Provisional number already resolved",
            HttpStatus.CONFLICT,
            "The provisional number was already resolved with another action."),
    NO_MAJORITY(
            "no-majority",
            "No cluster majority",
            HttpStatus.SERVICE_UNAVAILABLE,
            "This node is cut off from the majority of the cluster's baseline and cannot serve this request safely;"
                    + " retry after Retry-After, on another node if you can."),
    STORAGE_UNAVAILABLE(
            "storage-unavailable",
            "Storage unavailable",
            HttpStatus.SERVICE_UNAVAILABLE,
            "The cluster store cannot be reached safely right now; nothing was issued or changed. Retry after"
                    + " Retry-After."),
    UNAUTHORIZED(
            "unauthorized",
            "Unauthorized",
            HttpStatus.UNAUTHORIZED,
            "The request has no bearer token, or its token is invalid, expired or meant for another audience."),
    FORBIDDEN(
            "forbidden",
            "Forbidden",
            HttpStatus.FORBIDDEN,
            "The access token lacks the scope this route requires, or the route is open to no token."),
    REQUEST_REJECTED(
            "request-rejected",
            "Request rejected",
            HttpStatus.BAD_REQUEST,
            "The request is malformed before any route sees it: an encoded slash, backslash, NUL or percent sign in"
                    + " the path, a path parameter (;), a doubled slash, or a query string that cannot be decoded."),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND, "No such route or resource."),
    METHOD_NOT_ALLOWED(
            "method-not-allowed",
            "Method not allowed",
            HttpStatus.METHOD_NOT_ALLOWED,
            "The route does not answer this HTTP method; the Allow header lists those it does."),
    NOT_ACCEPTABLE(
            "not-acceptable",
            "Not acceptable",
            HttpStatus.NOT_ACCEPTABLE,
            "The route cannot answer in any media type the Accept header names."),
    UNSUPPORTED_MEDIA_TYPE(
            "unsupported-media-type",
            "Unsupported media type",
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "The body's Content-Type is not one the route reads (application/json)."),
    URI_TOO_LONG(
            "uri-too-long",
            "URI too long",
            HttpStatus.URI_TOO_LONG,
            "The request line is longer than the server reads."),
    HEADERS_TOO_LARGE(
            "headers-too-large",
            "Request headers too large",
            HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
            "The request's headers are larger than the server reads."),
    PAYLOAD_TOO_LARGE(
            "payload-too-large",
            "Payload too large",
            HttpStatus.CONTENT_TOO_LARGE,
            "The request body is larger than the route reads."),
    INTERNAL_ERROR(
            "internal-error",
            "Internal error",
            HttpStatus.INTERNAL_SERVER_ERROR,
            "Something unexpected failed; it has been logged. Nothing is known to have been issued or changed.");

    /** Where the type pages live, on every node. */
    public static final String BASE = "/problems/";

    final String slug;
    public final URI type;
    public final String title;
    public final HttpStatus status;
    final String description;

    ProblemType(String slug, String title, HttpStatus status, String description) {
        this.slug = slug;
        this.type = URI.create(BASE + slug);
        this.title = title;
        this.status = status;
        this.description = description;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status.value();
    }

    static Optional<ProblemType> forSlug(String slug) {
        return Arrays.stream(values()).filter(type -> type.slug.equals(slug)).findFirst();
    }

    /** The type for a status that Spring MVC decided, with no numgen exception behind it. */
    static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 431 -> HEADERS_TOO_LARGE;
            case 503 -> STORAGE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
        };
    }

    /**
     * numgen's type for a status that the servlet container decided before any route saw the request, or null when
     * numgen has none for it (the answer is then {@code about:blank} with the status as it was).
     */
    static ProblemType forRefusal(int status) {
        return switch (status) {
            case 400 -> REQUEST_REJECTED;
            case 401, 403, 404, 405, 406, 413, 414, 415, 431 -> forStatus(status);
            default -> null;
        };
    }
}
