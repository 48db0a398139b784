package dev.numgen.rule;

import dev.numgen.problem.AnsweredAs;
import dev.numgen.problem.NumgenException;
import dev.numgen.problem.ProblemType;
import java.util.LinkedHashMap;
import java.util.Map;

/** A rule whose fields, each well-formed, do not make a rule that can be registered; nothing was changed. */
@AnsweredAs(ProblemType.INVALID_RULE)
public final class InvalidRuleException extends NumgenException {

    private final String field;
    private final int position;

    public InvalidRuleException(String field, String reason) {
        this(field, reason, -1);
    }

    public InvalidRuleException(String field, String reason, int position) {
        super(reason);
        this.field = field;
        this.position = position;
    }

    public String field() {
        return field;
    }

    /** Zero-based position of the fault within the field's text, or -1. */
    public int position() {
        return position;
    }

    /** {@code field}, and {@code position} when there is one. */
    @Override
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("field", field);
        if (position >= 0) {
            properties.put("position", position);
        }
        return properties;
    }
}
