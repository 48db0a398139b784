package dev.numgen.server.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.numgen.rule.PrefixRule;
import dev.numgen.rule.RegisteredRule;
import dev.numgen.rule.VariableSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A rule as every rule response shows it, with the fields the service sets; {@link RuleRequest} is the PUT body. */
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
    record VariableDocument(
            @Schema(
                    description = "RE2 syntax, at most 256 characters; the whole value must match",
                    minLength = 1,
                    maxLength = 256)
            @NotNull
            String pattern,

            Boolean required,
            @Min(1) @Max(64) Integer maxLength) {

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
