package dev.numgen.web;

import dev.numgen.rule.InvalidRuleException;
import dev.numgen.rule.RuleDefinition;
import dev.numgen.rule.VariableSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code PUT /api/prefix-configs/{prefixKey}}: the writable fields of a rule only, so that a field
 * such as {@code version} is refused rather than ignored ({@link RuleDocument} is what comes back).
 *
 * @param prefixKey optional; when given it must equal the path's key
 */
record RuleRequest(
        String prefixKey,
        String format,
        String strategy,
        String reset,
        Long start,
        Long step,
        Long maxValue,
        Integer reserveSize,
        String timeZone,
        Map<String, RuleDocument.VariableDocument> variables,
        String description,
        String concurrency) {

    /** The fields of {@link RuleDocument} that the service sets; a PUT that sends one is told so. */
    static final Set<String> READ_ONLY = Set.of("version", "changedBy", "changedAt");

    RuleDefinition toDefinition() {
        Map<String, VariableSpec> specs = null;
        if (variables != null) {
            specs = new LinkedHashMap<>();
            for (Map.Entry<String, RuleDocument.VariableDocument> variable : variables.entrySet()) {
                if (variable.getValue() == null) {
                    throw new InvalidRuleException("variables", "variable " + variable.getKey() + " needs a pattern");
                }
                specs.put(variable.getKey(), variable.getValue().toSpec());
            }
        }
        return new RuleDefinition(
                format, strategy, reset, start, step, maxValue, reserveSize, timeZone, specs, description, concurrency);
    }
}
