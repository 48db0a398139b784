package dev.numgen.server.web;

import dev.numgen.ignite.cluster.BaselineChangeRefusedException;
import dev.numgen.issue.IdempotencyKeyBusyException;
import dev.numgen.issue.IdempotencyKeyReusedException;
import dev.numgen.issue.IdempotencyLimitException;
import dev.numgen.issue.IdempotencyStoreUnavailableException;
import dev.numgen.issue.InvalidIssueRequestException;
import dev.numgen.issue.NoMajorityException;
import dev.numgen.issue.ProvisionalJournalException;
import dev.numgen.issue.QuotaExceededException;
import dev.numgen.issue.ResolutionRefusedException;
import dev.numgen.issue.UnknownProvisionalNumberException;
import dev.numgen.issue.VoidRefusedException;
import dev.numgen.provisional.ProvisionalStoreUnavailableException;
import dev.numgen.rule.InvalidPrefixKeyException;
import dev.numgen.rule.InvalidRuleException;
import dev.numgen.rule.RuleStoreUnavailableException;
import dev.numgen.rule.RuleVersionConflictException;
import dev.numgen.rule.UnknownPrefixException;
import dev.numgen.rule.UnsafeRuleChangeException;
import dev.numgen.sequence.CounterExhaustedException;
import dev.numgen.sequence.SequenceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * The one place where exceptions become RFC 9457 problems. Details name the field or key at
 * fault and never carry stack traces, class names or storage internals.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    static final String RETRY_AFTER_SECONDS = "1";

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handle(Exception e) {
        return problemFor(e);
    }

    /** The problem response for any exception; also used where no controller is involved. */
    public static ResponseEntity<Object> problemFor(Exception e) {
        if (e instanceof UnknownPrefixException unknown) {
            return respond(
                    problem(ProblemType.PREFIX_NOT_REGISTERED, e.getMessage(), "prefixKey", unknown.prefixKey()));
        }
        if (e instanceof UnsupportedBodyException) {
            return respond(problem(ProblemType.UNSUPPORTED_MEDIA_TYPE, e.getMessage(), "field", "Content-Type"));
        }
        if (e instanceof BodyTooLargeException) {
            return respond(problem(ProblemType.PAYLOAD_TOO_LARGE, RequestGuard.BODY_TOO_LARGE, null, null));
        }
        if (e instanceof InvalidPrefixKeyException) {
            return respond(problem(ProblemType.INVALID_REQUEST, e.getMessage(), "field", "prefixKey"));
        }
        if (e instanceof InvalidRuleException invalid) {
            ProblemDetail problem = problem(ProblemType.INVALID_RULE, e.getMessage(), "field", invalid.field());
            if (invalid.position() >= 0) {
                problem.setProperty("position", invalid.position());
            }
            return respond(problem);
        }
        if (e instanceof InvalidIssueRequestException invalid) {
            return respond(problem(ProblemType.INVALID_REQUEST, e.getMessage(), "field", invalid.parameter()));
        }
        if (e instanceof UnsafeRuleChangeException unsafe) {
            return respond(problem(ProblemType.RULE_CHANGE_REFUSED, e.getMessage(), "field", unsafe.field()));
        }
        if (e instanceof CounterExhaustedException exhausted) {
            return respond(problem(
                    ProblemType.COUNTER_EXHAUSTED,
                    e.getMessage(),
                    "prefixKey",
                    exhausted.key().prefixKey()));
        }
        if (e instanceof VoidRefusedException) {
            return respond(problem(ProblemType.VOID_REFUSED, e.getMessage(), null, null));
        }
        if (e instanceof IdempotencyKeyReusedException) {
            return respond(problem(ProblemType.IDEMPOTENCY_KEY_REUSED, e.getMessage(), "field", "Idempotency-Key"));
        }
        if (e instanceof IdempotencyKeyBusyException) {
            return retryLater(problem(ProblemType.IDEMPOTENCY_KEY_BUSY, e.getMessage(), null, null));
        }
        if (e instanceof QuotaExceededException exceeded) {
            return retryAfter(
                    problem(ProblemType.QUOTA_EXCEEDED, e.getMessage(), "prefixKey", exceeded.prefixKey()),
                    Long.toString(exceeded.retryAfterSeconds()));
        }
        if (e instanceof IdempotencyLimitException limit) {
            return retryAfter(
                    problem(ProblemType.IDEMPOTENCY_LIMIT_REACHED, e.getMessage(), "field", "Idempotency-Key"),
                    Long.toString(limit.retryAfterSeconds()));
        }
        if (e instanceof UnknownProvisionalNumberException) {
            return respond(problem(ProblemType.NOT_FOUND, e.getMessage(), null, null));
        }
        if (e instanceof BaselineChangeRefusedException) {
            return respond(problem(ProblemType.BASELINE_CHANGE_REFUSED, e.getMessage(), null, null));
        }
        if (e instanceof ResolutionRefusedException) {
            return respond(problem(ProblemType.RESOLUTION_REFUSED, e.getMessage(), null, null));
        }
        if (e instanceof NoMajorityException) {
            log.warn("Answered 503: {}", e.getMessage());
            return retryLater(problem(ProblemType.NO_MAJORITY, e.getMessage(), null, null));
        }
        if (e instanceof ProvisionalJournalException) {
            log.error("Answered 503: {}", e.getMessage(), e);
            return retryLater(problem(
                    ProblemType.STORAGE_UNAVAILABLE,
                    "this node can neither reach the cluster nor record provisional numbers; nothing was issued",
                    null,
                    null));
        }
        if (e instanceof RuleVersionConflictException) {
            return respond(problem(ProblemType.VERSION_MISMATCH, e.getMessage(), null, null));
        }
        if (e instanceof SequenceUnavailableException
                || e instanceof RuleStoreUnavailableException
                || e instanceof IdempotencyStoreUnavailableException
                || e instanceof ProvisionalStoreUnavailableException) {
            log.warn("Answered 503: {}", e.getMessage());
            return retryLater(problem(
                    ProblemType.STORAGE_UNAVAILABLE,
                    "the cluster store cannot be reached safely right now; nothing was issued or changed",
                    null,
                    null));
        }
        if (e instanceof RequestRejectedException) {
            // The firewall checks parameter values when they are first read, which is inside Spring MVC.
            return respond(problem(
                    ProblemType.REQUEST_REJECTED,
                    "a parameter name or value holds characters numgen never accepts",
                    null,
                    null));
        }
        log.error("Unexpected error", e);
        return respond(
                problem(ProblemType.INTERNAL_ERROR, "an unexpected error occurred; it has been logged", null, null));
    }

    private static ResponseEntity<Object> retryLater(ProblemDetail problem) {
        return retryAfter(problem, RETRY_AFTER_SECONDS);
    }

    private static ResponseEntity<Object> retryAfter(ProblemDetail problem, String seconds) {
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** A body field that breaks its declared constraint ({@code @Size}, {@code @Pattern}, ...): 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldError error = e.getBindingResult().getFieldError();
        String field = error == null ? "body" : fieldName(error);
        return respond(problem(ProblemType.INVALID_REQUEST, violation(field, error), "field", field));
    }

    /** A path or query parameter that breaks its declared constraint: 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // A body is checked here too when other parameters carry constraints; its errors name the field.
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            if (result instanceof ParameterErrors errors && errors.getFieldError() != null) {
                FieldError error = errors.getFieldError();
                String field = fieldName(error);
                return respond(problem(ProblemType.INVALID_REQUEST, violation(field, error), "field", field));
            }
            String field = result.getMethodParameter().getParameterName();
            return respond(problem(ProblemType.INVALID_REQUEST, field + " is not valid", "field", field));
        }
        return respond(problem(ProblemType.INVALID_REQUEST, "a parameter is not valid", null, null));
    }

    /** The JSON path, as {@link JsonBodyFault} writes it: {@code variables[region].pattern} is {@code variables.region.pattern}. */
    private static String fieldName(FieldError error) {
        return error.getField().replaceAll("\\[([^\\]0-9][^\\]]*)]", ".$1");
    }

    /** A parameter that is not of its type ({@code limit=abc}, {@code limit=}): 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field =
                e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : e.getPropertyName();
        return respond(problem(ProblemType.INVALID_REQUEST, field + " is not a valid value", "field", field));
    }

    private static String violation(String field, FieldError error) {
        return error == null || error.getDefaultMessage() == null
                ? field + " is not valid"
                : field + " " + error.getDefaultMessage();
    }

    /** A body that cannot be read as its type: 400 naming the JSON path at fault ({@link JsonBodyFault}). */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        return problemFor(
                cause instanceof JacksonException jackson
                        ? JsonBodyFault.of(jackson)
                        : cause instanceof BodyTooLargeException tooLarge
                                ? tooLarge
                                : new InvalidIssueRequestException(
                                        "body", "the request body is missing or not readable"));
    }

    /** Spring MVC's own errors (bad JSON, wrong method, ...) get numgen's types as well. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            ProblemType type = ProblemType.forStatus(statusCode.value());
            problem.setType(type.type);
            problem.setTitle(type.title);
        }
        return ResponseEntity.status(statusCode)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    public static ProblemDetail problem(ProblemType type, String detail, String property, Object value) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status, detail);
        problem.setType(type.type);
        problem.setTitle(type.title);
        if (property != null) {
            problem.setProperty(property, value);
        }
        return problem;
    }

    public static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
