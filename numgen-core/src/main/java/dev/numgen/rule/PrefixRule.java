package dev.numgen.rule;

import java.time.ZoneId;
import java.util.Map;

/**
 * A validated rule with every default applied. Two rules are equal when a caller wrote the same
 * thing, which makes re-registering an unchanged rule a no-op.
 *
 * @param quota numbers one client (token subject) may take per minute, or null for the node's
 *     default
 */
public record PrefixRule(
        PrefixKey key,
        String format,
        Strategy strategy,
        ResetPeriod reset,
        long start,
        long step,
        long maxValue,
        int reserveSize,
        ZoneId timeZone,
        Map<String, VariableSpec> variables,
        String description,
        Concurrency concurrency,
        Integer quota) {

    public PrefixRule {
        variables = Map.copyOf(variables);
    }
}
