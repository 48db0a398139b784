package dev.numgen.web;

import dev.numgen.issue.InvalidIssueRequestException;
import dev.numgen.rule.InvalidRuleException;
import dev.numgen.rule.RuleStoreUnavailableException;
import dev.numgen.rule.RuleVersionConflictException;
import dev.numgen.rule.UnknownPrefixException;
import dev.numgen.rule.UnsafeRuleChangeException;
import dev.numgen.sequence.CounterExhaustedException;
import dev.numgen.sequence.SequenceUnavailableException;
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

    @ExceptionHandler(UnknownPrefixException.class)
    ResponseEntity<Object> unknownPrefix(UnknownPrefixException e) {
        ProblemDetail problem = problem(ProblemType.PREFIX_NOT_REGISTERED, e.getMessage());
        problem.setProperty("prefixKey", e.prefixKey());
        return respond(problem);
    }

    @ExceptionHandler(InvalidRuleException.class)
    ResponseEntity<Object> invalidRule(InvalidRuleException e) {
        ProblemDetail problem = problem(ProblemType.INVALID_RULE, e.getMessage());
        problem.setProperty("field", e.field());
        if (e.position() >= 0) {
            problem.setProperty("position", e.position());
        }
        return respond(problem);
    }

    @ExceptionHandler(InvalidIssueRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidIssueRequestException e) {
        ProblemDetail problem = problem(ProblemType.INVALID_REQUEST, e.getMessage());
        problem.setProperty("field", e.parameter());
        return respond(problem);
    }

    @ExceptionHandler(UnsafeRuleChangeException.class)
    ResponseEntity<Object> unsafeChange(UnsafeRuleChangeException e) {
        ProblemDetail problem = problem(ProblemType.RULE_CHANGE_REFUSED, e.getMessage());
        problem.setProperty("field", e.field());
        return respond(problem);
    }

    @ExceptionHandler(CounterExhaustedException.class)
    ResponseEntity<Object> exhausted(CounterExhaustedException e) {
        ProblemDetail problem = problem(ProblemType.COUNTER_EXHAUSTED, e.getMessage());
        problem.setProperty("prefixKey", e.key().prefixKey());
        return respond(problem);
    }

    @ExceptionHandler(RuleVersionConflictException.class)
    ResponseEntity<Object> versionMismatch(RuleVersionConflictException e) {
        return respond(problem(ProblemType.VERSION_MISMATCH, e.getMessage()));
    }

    @ExceptionHandler({SequenceUnavailableException.class, RuleStoreUnavailableException.class})
    ResponseEntity<Object> unavailable(RuntimeException e) {
        log.warn("Answered 503: {}", e.getMessage());
        ProblemDetail problem = problem(
                ProblemType.STORAGE_UNAVAILABLE,
                "the cluster store cannot be reached safely right now; nothing was issued or changed");
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return respond(problem(ProblemType.INTERNAL_ERROR, "an unexpected error occurred; it has been logged"));
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

    private static ProblemDetail problem(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status, detail);
        problem.setType(type.type);
        problem.setTitle(type.title);
        return problem;
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
