package dev.numgen.rule;

/** The result of registering a rule. */
public record Registration(RegisteredRule rule, Outcome outcome) {

    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }
}
