package dev.numgen.server.web;

import dev.numgen.problem.AnsweredAs;
import dev.numgen.problem.NumgenException;
import dev.numgen.problem.ProblemType;
import java.util.Map;

/** A request body in a media type the route does not read; nothing was read or changed. */
@AnsweredAs(ProblemType.UNSUPPORTED_MEDIA_TYPE)
public final class UnsupportedBodyException extends NumgenException {

    public UnsupportedBodyException() {
        super("the body must be application/json");
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("field", "Content-Type");
    }
}
