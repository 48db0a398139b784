package dev.numgen.problem;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every problem numgen answers with: a stable {@code type}, its title, HTTP status and what it means. Types are
 * relative URIs ({@code /problems/invalid-request}) that resolve against the node that answered, which serves each
 * one's description there; no outside domain is involved. The exceptions that become problems name theirs with
 * {@link AnsweredAs}.
 */
public enum ProblemType {
    PREFIX_NOT_REGISTERED(
            "prefix-not-registered",
            "Prefix not registered",
            404,
            "No rule is registered under this prefix key. Register one with PUT /api/prefix-configs/{prefixKey}."),
    INVALID_REQUEST(
            "invalid-request",
            "Invalid request",
            400,
            "A parameter, header or body field is missing, malformed or out of range; `field` names it. Nothing was"
                    + " issued or changed."),
    INVALID_RULE(
            "invalid-rule",
            "Invalid prefix rule",
            422,
            "Each field has its documented shape, but together they make no rule that can be registered: a format"
                    + " the format language does not accept, a longest number over 64 characters, a variable the"
                    + " format does not use, maxValue below start or beyond the {seq:N} width, a variable pattern"
                    + " that cannot be matched in linear time. `field` names the part at fault and, for a format,"
                    + " `position` the character. Nothing was changed."),
    RULE_CHANGE_REFUSED(
            "rule-change-refused",
            "Rule change refused",
            409,
            "The change could make the rule issue a number twice (a reset the format cannot show, a lower maxValue,"
                    + " another strategy after numbers were issued, ...). Nothing was changed."),
    COUNTER_EXHAUSTED(
            "counter-exhausted",
            "Counter exhausted",
            409,
            "The counter reached the rule's maxValue; no number was issued."),
    VOID_REFUSED("void-refused", "Void refused", 409, "Only an issued GAPLESS number can be voided, and only once."),
    IDEMPOTENCY_KEY_REUSED(
            "idempotency-key-reused",
            "Idempotency-Key used with other parameters",
            422,
            "This Idempotency-Key was first used with other parameters; use a new key for a new request."),
    IDEMPOTENCY_KEY_BUSY(
            "idempotency-key-busy",
            "Idempotency-Key request in progress",
            409,
            "A request with this Idempotency-Key is still being served; retry after Retry-After."),
    QUOTA_EXCEEDED(
            "quota-exceeded",
            "Quota exceeded",
            429,
            "This client (token subject) took its quota of numbers from this rule on this node; nothing was issued."
                    + " Retry after Retry-After seconds."),
    IDEMPOTENCY_LIMIT_REACHED(
            "idempotency-limit-reached",
            "Idempotency-Key records at their limit",
            429,
            "This client holds as many Idempotency-Key records as it may; nothing was issued or stored. Retry after"
                    + " Retry-After seconds, when the oldest expire."),
    VERSION_MISMATCH(
            "version-mismatch",
            "Rule version does not meet If-Match or If-None-Match",
            412,
            "The rule changed since the version named in If-Match (or, with If-None-Match: *, it exists already);"
                    + " read it again and retry."),
    BASELINE_CHANGE_REFUSED(
            "baseline-change-refused",
            "Baseline change refused",
            409,
            "The baseline can be set only from a node in the majority, to exactly the server nodes online now."),
    RESOLUTION_REFUSED(
            "resolution-refused",
            "Provisional number already resolved",
            409,
            "The provisional number was already resolved with another action."),
    NO_MAJORITY(
            "no-majority",
            "No cluster majority",
            503,
            "This node is cut off from the majority of the cluster's baseline and cannot serve this request safely;"
                    + " retry after Retry-After, on another node if you can."),
    STORAGE_UNAVAILABLE(
            "storage-unavailable",
            "Storage unavailable",
            503,
            "The cluster store cannot be reached safely right now; nothing was issued or changed. Retry after"
                    + " Retry-After."),
    UNAUTHORIZED(
            "unauthorized",
            "Unauthorized",
            401,
            "The request has no bearer token, or its token is invalid, expired or meant for another audience."),
    FORBIDDEN(
            "forbidden",
            "Forbidden",
            403,
            "The access token lacks the scope this route requires, or the route is open to no token."),
    REQUEST_REJECTED(
            "request-rejected",
            "Request rejected",
            400,
            "The request is malformed before any route sees it: an encoded slash, backslash, NUL or percent sign in"
                    + " the path, a path parameter (;), a doubled slash, or a query string that cannot be decoded."),
    NOT_FOUND("not-found", "Not found", 404, "No such route or resource."),
    METHOD_NOT_ALLOWED(
            "method-not-allowed",
            "Method not allowed",
            405,
            "The route does not answer this HTTP method; the Allow header lists those it does."),
    NOT_ACCEPTABLE(
            "not-acceptable",
            "Not acceptable",
            406,
            "The route cannot answer in any media type the Accept header names."),
    UNSUPPORTED_MEDIA_TYPE(
            "unsupported-media-type",
            "Unsupported media type",
            415,
            "The body's Content-Type is not one the route reads (application/json)."),
    URI_TOO_LONG("uri-too-long", "URI too long", 414, "The request line is longer than the server reads."),
    HEADERS_TOO_LARGE(
            "headers-too-large",
            "Request headers too large",
            431,
            "The request's headers are larger than the server reads."),
    PAYLOAD_TOO_LARGE(
            "payload-too-large", "Payload too large", 413, "The request body is larger than the route reads."),
    INTERNAL_ERROR(
            "internal-error",
            "Internal error",
            500,
            "Something unexpected failed; it has been logged. Nothing is known to have been issued or changed.");

    /** Where the type pages live, on every node. */
    public static final String BASE = "/problems/";

    private final String slug;
    private final URI type;
    private final String title;
    private final int status;
    private final String description;

    ProblemType(String slug, String title, int status, String description) {
        this.slug = slug;
        this.type = URI.create(BASE + slug);
        this.title = title;
        this.status = status;
        this.description = description;
    }

    /** The last segment of {@link #type()}: {@code invalid-request}. */
    public String slug() {
        return slug;
    }

    /** {@code /problems/invalid-request}, relative to the node that answered. */
    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** The HTTP status every answer of this type has. */
    public int status() {
        return status;
    }

    /** What the problem means and what to do about it, as its page says. */
    public String description() {
        return description;
    }

    public static Optional<ProblemType> forSlug(String slug) {
        return Arrays.stream(values()).filter(type -> type.slug.equals(slug)).findFirst();
    }
}
