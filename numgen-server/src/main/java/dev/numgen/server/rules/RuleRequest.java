package dev.numgen.server.rules;

import dev.numgen.rule.InvalidRuleException;
import dev.numgen.rule.RuleDefinition;
import dev.numgen.rule.RuleValidator;
import dev.numgen.rule.VariableSpec;
import dev.numgen.server.web.ApiConstraints;
import dev.numgen.server.web.ReadOnlyFields;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code PUT /api/prefix-configs/{prefixKey}}: the writable fields of a rule only, so that a field
 * such as {@code version} is refused rather than ignored ({@link RuleDocument} is what comes back).
 *
 * @param prefixKey optional; when given it must equal the path's key
 */
// The fields of RuleDocument that the service sets; a PUT that sends one is told so.
@ReadOnlyFields({"version", "changedBy", "changedAt"})
public record RuleRequest(
        @Pattern(regexp = ApiConstraints.PREFIX_KEY) String prefixKey,

        // The rule validator checks the format and answers 422 naming the position at fault; the document says the
        // same in advance.
        @Schema(
                description = "the format language: literal letters, digits and -_./#: ; {yyyy} {yy} {MM} {dd}"
                        + " {HH} {DDD}; exactly one {seq} or {seq:N} (N 1..18); {var:name}",
                minLength = 1,
                maxLength = 128,
                pattern = "^[A-Za-z0-9_./#:{}-]+$")
        @NotNull
        String format,

        @Schema(
                allowableValues = {"SEGMENT", "GAPLESS", "SNOWFLAKE"},
                defaultValue = "SEGMENT")
        @Pattern(regexp = "^(SEGMENT|GAPLESS|SNOWFLAKE)$")
        String strategy,

        @Schema(
                allowableValues = {"NEVER", "YEARLY", "MONTHLY", "DAILY"},
                defaultValue = "NEVER")
        @Pattern(regexp = "^(NEVER|YEARLY|MONTHLY|DAILY)$")
        String reset,

        @Min(0) @Max(Long.MAX_VALUE) Long start,
        @Min(1) @Max(Long.MAX_VALUE) Long step,
        @Min(0) @Max(Long.MAX_VALUE) Long maxValue,
        @Min(1) @Max(RuleValidator.MAX_RESERVE_SIZE) Integer reserveSize,

        @Schema(description = "an IANA time zone id, e.g. Europe/Berlin; default UTC")
        @Size(min = 1, max = 64)
        @Pattern(regexp = "^[A-Za-z0-9_+:/-]+$")
        String timeZone,

        @Size(max = MAX_VARIABLES) Map<String, RuleDocument.@Valid VariableDocument> variables,

        // Checked by the rule validator (422), which also refuses lone surrogates and every other format character.
        @Schema(pattern = ApiConstraints.PLAIN_TEXT) @Size(max = 256)
        String description,

        @Schema(
                allowableValues = {"PESSIMISTIC", "OPTIMISTIC"},
                defaultValue = "PESSIMISTIC")
        @Pattern(regexp = "^(PESSIMISTIC|OPTIMISTIC)$")
        String concurrency,

        @Schema(description = "numbers one client (token subject) may take per minute from this rule on one node")
        @Min(1)
        @Max(RuleValidator.MAX_QUOTA)
        Integer quota) {

    /** More than a 128-character format can show. */
    static final int MAX_VARIABLES = 32;

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
}
