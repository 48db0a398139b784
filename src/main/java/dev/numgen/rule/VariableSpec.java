package dev.numgen.rule;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A caller-supplied value a format shows as {@code {var:name}}.
 *
 * @param pattern the whole value must match this regular expression
 * @param required whether a request must supply it (an absent optional value renders empty)
 * @param maxLength longest accepted value; bounds the rendered number's length
 */
public record VariableSpec(String pattern, boolean required, int maxLength) {

    public static final int DEFAULT_MAX_LENGTH = 16;

    public VariableSpec {
        if (pattern == null || pattern.isEmpty()) {
            throw new InvalidRuleException("variables", "each variable needs a pattern");
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new InvalidRuleException("variables", "pattern " + pattern + " is not a valid regular expression");
        }
        if (maxLength < 1 || maxLength > 64) {
            throw new InvalidRuleException("variables", "maxLength must be 1..64");
        }
    }
}
