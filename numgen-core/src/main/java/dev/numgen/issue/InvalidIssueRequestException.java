package dev.numgen.issue;

import dev.numgen.problem.AnsweredAs;
import dev.numgen.problem.NumgenException;
import dev.numgen.problem.ProblemType;
import java.util.Collections;
import java.util.Map;

/** A request parameter or variable value is not acceptable; nothing was issued. */
@AnsweredAs(ProblemType.INVALID_REQUEST)
public final class InvalidIssueRequestException extends NumgenException {

    private final String parameter;

    public InvalidIssueRequestException(String parameter, String reason) {
        super(reason);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    @Override
    public Map<String, Object> properties() {
        return Collections.singletonMap("field", parameter);
    }
}
