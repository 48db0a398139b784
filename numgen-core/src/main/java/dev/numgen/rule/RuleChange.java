package dev.numgen.rule;

import java.time.Instant;

/** One accepted change of a rule: who, when, from which version to which (0 = created). */
public record RuleChange(PrefixKey key, long oldVersion, long newVersion, String changedBy, Instant changedAt) {}
