package dev.numgen.web;

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
import dev.numgen.rule.InvalidRuleException;
import dev.numgen.rule.RuleStoreUnavailableException;
import dev.numgen.rule.RuleVersionConflictException;
import dev.numgen.rule.UnknownPrefixException;
import dev.numgen.rule.UnsafeRuleChangeException;
import dev.numgen.sequence.CounterExhaustedException;
import dev.numgen.sequence.SequenceUnavailableException;
import dev.numgen.system.ignite.BaselineChangeRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where exceptions become RFC 9457 problems. Details name the field or key at
 * fault and never carry stack traces, class names or storage internals.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    static final String RETRY_AFTER_SECONDS = "1";

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handle(Exception e) {
        return problemFor(e);
    }

    /** The problem response for any exception; also used where no controller is involved. */
    static ResponseEntity<Object> problemFor(Exception e) {
        if (e instanceof UnknownPrefixException unknown) {
            return respond(
                    problem(ProblemType.PREFIX_NOT_REGISTERED, e.getMessage(), "prefixKey", unknown.prefixKey()));
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

    static ProblemDetail problem(ProblemType type, String detail, String property, Object value) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status, detail);
        problem.setType(type.type);
        problem.setTitle(type.title);
        if (property != null) {
            problem.setProperty(property, value);
        }
        return problem;
    }

    static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
