package dev.numgen.rule;

import java.util.regex.Pattern;

/** The name under which a rule is registered, e.g. {@code ORDER}. */
public record PrefixKey(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public PrefixKey {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidPrefixKeyException("prefixKey must match " + SHAPE.pattern()
                    + " (1 to 64 characters, starting with a letter or digit)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
