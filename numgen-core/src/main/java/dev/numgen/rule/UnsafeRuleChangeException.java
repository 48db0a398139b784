package dev.numgen.rule;

import dev.numgen.problem.AnsweredAs;
import dev.numgen.problem.NumgenException;
import dev.numgen.problem.ProblemType;
import java.util.Collections;
import java.util.Map;

/** A rule change was refused because it could let a number be issued twice. */
@AnsweredAs(ProblemType.RULE_CHANGE_REFUSED)
public final class UnsafeRuleChangeException extends NumgenException {

    private final String field;

    public UnsafeRuleChangeException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public Map<String, Object> properties() {
        return Collections.singletonMap("field", field);
    }
}
