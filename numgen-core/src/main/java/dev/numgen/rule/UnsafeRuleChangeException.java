package dev.numgen.rule;

/** A rule change was refused because it could let a number be issued twice. */
public final class UnsafeRuleChangeException extends RuntimeException {

    private final String field;

    public UnsafeRuleChangeException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
