package dev.numgen.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/** Every problem numgen answers with: a stable {@code type} URI, its title and status. */
enum ProblemType {
    PREFIX_NOT_REGISTERED("prefix-not-registered", "Prefix not registered", HttpStatus.NOT_FOUND),
    INVALID_REQUEST("invalid-request", "Invalid request", HttpStatus.BAD_REQUEST),
    INVALID_RULE("invalid-rule", "Invalid prefix rule", HttpStatus.BAD_REQUEST),
    RULE_CHANGE_REFUSED("rule-change-refused", "Rule change refused", HttpStatus.CONFLICT),
    COUNTER_EXHAUSTED("counter-exhausted", "Counter exhausted", HttpStatus.CONFLICT),
    VOID_REFUSED("void-refused", "Void refused", HttpStatus.CONFLICT),
    IDEMPOTENCY_KEY_REUSED(
            "idempotency-key-reused", "Idempotency-Key used with other parameters", HttpStatus.UNPROCESSABLE_CONTENT),
    IDEMPOTENCY_KEY_BUSY("idempotency-key-busy", "Idempotency-Key request in progress", HttpStatus.CONFLICT),
    QUOTA_EXCEEDED("quota-exceeded", "Quota exceeded", HttpStatus.TOO_MANY_REQUESTS),
    IDEMPOTENCY_LIMIT_REACHED(
            "idempotency-limit-reached", "Idempotency-Key records at their limit", HttpStatus.TOO_MANY_REQUESTS),
    VERSION_MISMATCH("version-mismatch", "Rule version does not match If-Match", HttpStatus.PRECONDITION_FAILED),
    BASELINE_CHANGE_REFUSED("baseline-change-refused", "Baseline change refused", HttpStatus.CONFLICT),
    RESOLUTION_REFUSED("resolution-refused", "Provisional number already resolved", HttpStatus.CONFLICT),
    NO_MAJORITY("no-majority", "No cluster majority", HttpStatus.SERVICE_UNAVAILABLE),
    STORAGE_UNAVAILABLE("storage-unavailable", "Storage unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    INTERNAL_ERROR("internal-error", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR);

    static final String BASE = "https://numgen.dev/problems/";

    final URI type;
    final String title;
    final HttpStatus status;

    ProblemType(String slug, String title, HttpStatus status) {
        this.type = URI.create(BASE + slug);
        this.title = title;
        this.status = status;
    }

    static ProblemType forStatus(int status) {
        return switch (status) {
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> STORAGE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
        };
    }
}
