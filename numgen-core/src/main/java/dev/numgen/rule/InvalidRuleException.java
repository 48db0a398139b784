package dev.numgen.rule;

/** A rule whose fields, each well-formed, do not make a rule that can be registered; nothing was changed. */
public class InvalidRuleException extends RuntimeException {

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
}
