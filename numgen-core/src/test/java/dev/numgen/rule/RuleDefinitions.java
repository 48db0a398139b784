package dev.numgen.rule;

import java.util.LinkedHashMap;
import java.util.Map;

/** Rule definitions for tests, written as the fields that matter: {@code rule("X-{seq}").strategy("GAPLESS").build()}. */
public final class RuleDefinitions {

    private final String format;
    private String strategy;
    private String reset;
    private Long start;
    private Long step;
    private Long maxValue;
    private Integer reserveSize;
    private String timeZone;
    private Map<String, VariableSpec> variables;
    private String description;
    private String concurrency;
    private Integer quota;

    private RuleDefinitions(String format) {
        this.format = format;
    }

    /** A definition of {@code format}, every other field left to its default. */
    public static RuleDefinitions rule(String format) {
        return new RuleDefinitions(format);
    }

    public RuleDefinitions strategy(String strategy) {
        this.strategy = strategy;
        return this;
    }

    public RuleDefinitions reset(String reset) {
        this.reset = reset;
        return this;
    }

    public RuleDefinitions start(Long start) {
        this.start = start;
        return this;
    }

    public RuleDefinitions step(Long step) {
        this.step = step;
        return this;
    }

    public RuleDefinitions maxValue(Long maxValue) {
        this.maxValue = maxValue;
        return this;
    }

    public RuleDefinitions reserveSize(Integer reserveSize) {
        this.reserveSize = reserveSize;
        return this;
    }

    public RuleDefinitions timeZone(String timeZone) {
        this.timeZone = timeZone;
        return this;
    }

    public RuleDefinitions variables(Map<String, VariableSpec> variables) {
        this.variables = variables;
        return this;
    }

    /** Adds a required variable whose whole value must match {@code pattern}, of the default maximum length. */
    public RuleDefinitions variable(String name, String pattern) {
        Map<String, VariableSpec> all = variables == null ? new LinkedHashMap<>() : new LinkedHashMap<>(variables);
        all.put(name, new VariableSpec(pattern, true, VariableSpec.DEFAULT_MAX_LENGTH));
        variables = all;
        return this;
    }

    public RuleDefinitions description(String description) {
        this.description = description;
        return this;
    }

    public RuleDefinitions concurrency(String concurrency) {
        this.concurrency = concurrency;
        return this;
    }

    public RuleDefinitions quota(Integer quota) {
        this.quota = quota;
        return this;
    }

    public RuleDefinition build() {
        return new RuleDefinition(
                format,
                strategy,
                reset,
                start,
                step,
                maxValue,
                reserveSize,
                timeZone,
                variables,
                description,
                concurrency,
                quota);
    }
}
