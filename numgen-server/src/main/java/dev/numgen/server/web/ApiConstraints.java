package dev.numgen.server.web;

/**
 * The shapes the API's path, query and body fields must have, written once for validation ({@code @Pattern}) and the
 * OpenAPI document alike.
 */
public final class ApiConstraints {

    private static final String NOT_TEXT =
            "\\x00-\\x1F\\x7F-\\x9F\\u00AD\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u206F\\uFEFF";
    private static final String TEXT_CHARACTER = "[^" + NOT_TEXT + "]";
    private static final String VISIBLE_CHARACTER = "[^\\s" + NOT_TEXT + "]";

    /** What {@code PrefixKey} accepts. */
    public static final String PREFIX_KEY = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$";
    /**
     * A number as a path segment: the literal alphabet of formats, plus the {@code ~} of provisional numbers, whose
     * slot (up to 46 characters) may make them longer than the 64 of a regular number.
     */
    public static final String NUMBER = "^[A-Za-z0-9_.#:~-]{1,128}$";
    /**
     * Free text a person writes (a reason, a note): no control characters, line or paragraph separators, zero-width
     * or bidirectional formatting characters. Spelled out rather than as Unicode classes, so that every regex dialect
     * reading the OpenAPI document understands it.
     */
    public static final String PLAIN_TEXT = "^" + TEXT_CHARACTER + "*$";
    /**
     * Plain text with at least one character that is not white space. Only spaces may come before it, so no two parts
     * of the pattern can match the same character: a regex engine matches it in linear time.
     */
    public static final String REQUIRED_TEXT = "^ *" + VISIBLE_CHARACTER + TEXT_CHARACTER + "*$";
    /**
     * A counter of a rule, as the register check lists it: the reset bucket, then each variable's name, length and
     * value ({@code 2026-11-25|region=2:EU}; a value is number text, so it may hold {@code /}); empty for a rule with one
     * counter. Far longer than any rule's can be.
     */
    public static final String COUNTER = "^[A-Za-z0-9_./#:|=-]{0,2000}$";
    /** A node's consistent id in the baseline. */
    public static final String CONSISTENT_ID = "^[A-Za-z0-9_.:@-]{1,128}$";

    private ApiConstraints() {}
}
