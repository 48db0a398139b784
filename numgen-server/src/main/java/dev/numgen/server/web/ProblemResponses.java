package dev.numgen.server.web;

import dev.numgen.issue.InvalidIssueRequestException;
import dev.numgen.problem.NumgenException;
import dev.numgen.problem.ProblemType;
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

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handle(Exception e) {
        return problemFor(e);
    }

    /**
     * The problem response for any exception; also used where no controller is involved. A numgen exception says
     * itself what it is answered as; anything else is a firewall refusal or unexpected.
     */
    public static ResponseEntity<Object> problemFor(Exception e) {
        if (e instanceof NumgenException answered) {
            return answer(answered);
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

    private static ResponseEntity<Object> answer(NumgenException e) {
        ProblemType type = e.type();
        switch (e.logged()) {
            case WARN -> log.warn("Answered {}: {}", type.status(), e.getMessage());
            case ERROR -> log.error("Answered {}: {}", type.status(), e.getMessage(), e);
            case NOT -> {}
        }
        ProblemDetail problem = problem(type, e.detail(), null, null);
        e.properties().forEach(problem::setProperty);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(type.status());
        e.retryAfter().ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
        return response.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
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
            ProblemType type = DecidedStatus.typeOf(statusCode.value());
            problem.setType(type.type());
            problem.setTitle(type.title());
        }
        return ResponseEntity.status(statusCode)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    public static ProblemDetail problem(ProblemType type, String detail, String property, Object value) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(type.status()), detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
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
