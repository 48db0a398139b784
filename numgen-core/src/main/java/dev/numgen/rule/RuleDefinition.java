package dev.numgen.rule;

import java.util.Map;

/**
 * A rule as a caller writes it: only {@code format} is required, every other field may be
 * null and takes its default in {@link RuleValidator}.
 */
public record RuleDefinition(
        String format,
        String strategy,
        String reset,
        Long start,
        Long step,
        Long maxValue,
        Integer reserveSize,
        String timeZone,
        Map<String, VariableSpec> variables,
        String description,
        String concurrency,
        Integer quota) {}
