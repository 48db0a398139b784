package dev.numgen.server.web;

import dev.numgen.issue.InvalidIssueRequestException;
import dev.numgen.problem.NumgenException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What is wrong with a JSON request body, as a 400 whose field is the JSON path at fault ({@code maxValue},
 * {@code variables.region.maxLength}, {@code consistentIds[1]}, or {@code body} for the whole). The detail is
 * written here, never taken from Jackson, whose messages name classes. A body cut off at its size limit while it was
 * read is that, not a JSON fault ({@link BodyTooLargeException}).
 */
public final class JsonBodyFault {

    private static final String BODY = "body";

    private JsonBodyFault() {}

    private static boolean isReadOnly(Class<?> body, String property) {
        ReadOnlyFields readOnly = body == null ? null : body.getAnnotation(ReadOnlyFields.class);
        return readOnly != null && List.of(readOnly.value()).contains(property);
    }

    public static NumgenException of(JacksonException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = boundPath(e);
            if (isReadOnly(unknown.getReferringClass(), unknown.getPropertyName())) {
                return new InvalidIssueRequestException(
                        field,
                        field + " is read-only (the service sets it); to make an update depend on the version you"
                                + " read, send that version in If-Match");
            }
            return new InvalidIssueRequestException(field, "unknown field " + field);
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = boundPath(e);
            return field.equals(BODY)
                    ? new InvalidIssueRequestException(BODY, "the request body must be a JSON object")
                    : new InvalidIssueRequestException(field, field + " must be " + expected(mismatch.getTargetType()));
        }
        if (e instanceof InputCoercionException) {
            String field = boundPath(e);
            return new InvalidIssueRequestException(field, field + " is out of range");
        }
        if (e instanceof StreamReadException && e.processor() instanceof JsonParser parser) {
            String field = parsedPath(parser.streamReadContext());
            return new InvalidIssueRequestException(
                    field, "the request body is not valid JSON at " + field + " (malformed, or a field given twice)");
        }
        return new InvalidIssueRequestException(BODY, "the request body is not valid JSON");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a whole number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() ? "an object" : "of another type";
    }

    /** The path data binding had reached. */
    private static String boundPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            append(path, reference.getPropertyName(), reference.getIndex());
        }
        return path.isEmpty() ? BODY : path.toString();
    }

    /** The path the parser had reached (binding has not, for a field given twice). */
    private static String parsedPath(TokenStreamContext context) {
        Deque<TokenStreamContext> steps = new ArrayDeque<>();
        for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            steps.push(at);
        }
        StringBuilder path = new StringBuilder();
        for (TokenStreamContext step : steps) {
            append(path, step.inObject() ? step.currentName() : null, step.inArray() ? step.getCurrentIndex() : -1);
        }
        return path.isEmpty() ? BODY : path.toString();
    }

    private static void append(StringBuilder path, String name, int index) {
        if (name != null) {
            path.append(path.isEmpty() ? "" : ".").append(name);
        } else if (index >= 0) {
            path.append('[').append(index).append(']');
        }
    }
}
