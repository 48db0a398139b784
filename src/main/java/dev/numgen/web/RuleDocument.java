package dev.numgen.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.numgen.rule.PrefixRule;
import dev.numgen.rule.RegisteredRule;
import dev.numgen.rule.RuleDefinition;
import dev.numgen.rule.VariableSpec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A rule as JSON: the PUT body, and (with the read-only fields set) every rule response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RuleDocument(
        String prefixKey,
        String format,
        String strategy,
        String reset,
        Long start,
        Long step,
        Long maxValue,
        Integer reserveSize,
        String timeZone,
        Map<String, VariableDocument> variables,
        String description,
        String concurrency,
        Integer quota,
        Long version,
        String changedBy,
        Instant changedAt) {

    /** A variable; {@code required} defaults to true and {@code maxLength} to 16. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VariableDocument(String pattern, Boolean required, Integer maxLength) {

        VariableSpec toSpec() {
            return new VariableSpec(
                    pattern,
                    required == null || required,
                    maxLength == null ? VariableSpec.DEFAULT_MAX_LENGTH : maxLength);
        }

        static VariableDocument of(VariableSpec spec) {
            return new VariableDocument(spec.pattern(), spec.required(), spec.maxLength());
        }
    }

    RuleDefinition toDefinition() {
        Map<String, VariableSpec> specs = null;
        if (variables != null) {
            specs = new LinkedHashMap<>();
            for (Map.Entry<String, VariableDocument> variable : variables.entrySet()) {
                if (variable.getValue() == null) {
                    throw new dev.numgen.rule.InvalidRuleException(
                            "variables", "variable " + variable.getKey() + " needs a pattern");
                }
                specs.put(variable.getKey(), variable.getValue().toSpec());
            }
        }
        return new RuleDefinition(
                format,
                strategy,
                reset,
                start,
                step,
                maxValue,
                reserveSize,
                timeZone,
                specs,
                description,
                concurrency,
                quota);
    }

    static RuleDocument of(RegisteredRule registered) {
        PrefixRule rule = registered.rule();
        Map<String, VariableDocument> variables = new LinkedHashMap<>();
        rule.variables().forEach((name, spec) -> variables.put(name, VariableDocument.of(spec)));
        return new RuleDocument(
                rule.key().value(),
                rule.format(),
                rule.strategy().name(),
                rule.reset().name(),
                rule.start(),
                rule.step(),
                rule.maxValue(),
                rule.reserveSize(),
                rule.timeZone().getId(),
                variables,
                rule.description(),
                rule.concurrency().name(),
                rule.quota(),
                registered.version(),
                registered.changedBy(),
                registered.changedAt());
    }
}
