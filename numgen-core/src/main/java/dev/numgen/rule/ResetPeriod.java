package dev.numgen.rule;

/** When a rule's counter starts again at {@code start}, in the rule's time zone. */
public enum ResetPeriod {
    NEVER,
    YEARLY,
    MONTHLY,
    DAILY
}
