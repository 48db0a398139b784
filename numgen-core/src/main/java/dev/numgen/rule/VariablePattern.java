package dev.numgen.rule;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A variable's pattern, compiled for RE2/J. Matching takes time linear in the value whatever the pattern, because
 * RE2/J never backtracks; the price is that back-references and look-around do not exist. Compiling is bounded as
 * well: the pattern's length, and how far counted repetitions expand it ({@link PatternSize}), since RE2/J builds
 * {@code x{n}} as n copies of {@code x}.
 */
public final class VariablePattern {

    public static final int MAX_LENGTH = 256;

    private final Pattern compiled;

    private VariablePattern(Pattern compiled) {
        this.compiled = compiled;
    }

    /**
     * The pattern of {@code variable}, or an {@link InvalidRuleException} on field {@code variables} that names the
     * variable.
     */
    public static VariablePattern compile(String variable, String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            throw new InvalidRuleException("variables", "variable " + variable + " needs a pattern");
        }
        if (pattern.length() > MAX_LENGTH) {
            throw new InvalidRuleException(
                    "variables",
                    "the pattern of variable " + variable + " has " + pattern.length() + " characters; at most "
                            + MAX_LENGTH);
        }
        long size = PatternSize.estimate(pattern);
        if (size > PatternSize.MAX) {
            throw new InvalidRuleException(
                    "variables",
                    "the pattern of variable " + variable + " repeats too much: its counted repetitions expand it to"
                            + " more than " + PatternSize.MAX + " elements");
        }
        try {
            return new VariablePattern(Pattern.compile(pattern));
        } catch (PatternSyntaxException e) {
            throw new InvalidRuleException(
                    "variables",
                    "the pattern of variable " + variable + " is not a regular expression numgen accepts ("
                            + e.getDescription() + "); back-references and look-around are not supported");
        }
    }

    /** Whether the whole of {@code value} matches. */
    public boolean matches(String value) {
        return compiled.matcher(value).matches();
    }
}
