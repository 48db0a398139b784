package dev.numgen.rule;

/**
 * A caller-supplied value a format shows as {@code {var:name}}. The pattern is kept as text: {@link RuleValidator}
 * compiles it once at registration to check it, and the issuing side compiles it once per rule version, so reading
 * rules from the store never compiles one.
 *
 * @param pattern the whole value must match this regular expression ({@link VariablePattern})
 * @param required whether a request must supply it (an absent optional value renders empty)
 * @param maxLength longest accepted value; bounds the rendered number's length
 */
public record VariableSpec(String pattern, boolean required, int maxLength) {

    public static final int DEFAULT_MAX_LENGTH = 16;

    public VariableSpec {
        if (pattern == null || pattern.isEmpty()) {
            throw new InvalidRuleException("variables", "each variable needs a pattern");
        }
        if (maxLength < 1 || maxLength > 64) {
            throw new InvalidRuleException("variables", "maxLength must be 1..64");
        }
    }
}
