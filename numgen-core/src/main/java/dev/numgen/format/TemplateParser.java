package dev.numgen.format;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Parses a format into parts, rejecting it at the first offending character. */
final class TemplateParser {

    static final int MAX_LENGTH = 128;
    private static final int MAX_SEQUENCE_WIDTH = 18;
    private static final int MAX_VARIABLE_NAME_LENGTH = 32;
    private static final String LITERAL_PUNCTUATION = "-_./#:";

    private final String format;
    private final List<TemplatePart> parts = new ArrayList<>();
    private final StringBuilder literal = new StringBuilder();
    private final Set<String> variableNames = new HashSet<>();
    private boolean hasSequence;

    private TemplateParser(String format) {
        this.format = format;
    }

    static List<TemplatePart> parse(String format) {
        return new TemplateParser(format).parse();
    }

    private List<TemplatePart> parse() {
        if (format.isEmpty()) {
            throw fail(0, "format must not be empty");
        }
        if (format.length() > MAX_LENGTH) {
            throw fail(MAX_LENGTH, "format longer than " + MAX_LENGTH + " characters");
        }
        int index = 0;
        while (index < format.length()) {
            char c = format.charAt(index);
            if (c == '{') {
                index = placeholder(index);
            } else if (c == '}') {
                throw fail(index, "unmatched '}'");
            } else if (isLiteral(c)) {
                literal.append(c);
                index++;
            } else {
                throw fail(index, "character " + describe(index) + " is not allowed in literal text");
            }
        }
        flushLiteral();
        if (!hasSequence) {
            throw fail(format.length(), "format needs exactly one {seq}");
        }
        return List.copyOf(parts);
    }

    /** Returns the index just after the placeholder opened at {@code open}. */
    private int placeholder(int open) {
        int close = open + 1;
        while (close < format.length() && format.charAt(close) != '}') {
            if (format.charAt(close) == '{') {
                throw fail(open, "unclosed '{'");
            }
            close++;
        }
        if (close == format.length()) {
            throw fail(open, "unclosed '{'");
        }
        flushLiteral();
        parts.add(placeholderPart(open, format.substring(open + 1, close)));
        return close + 1;
    }

    private TemplatePart placeholderPart(int open, String content) {
        DateField field = DateField.ofToken(content);
        if (field != null) {
            return new TemplatePart.Date(field);
        }
        if (content.equals("seq") || content.startsWith("seq:")) {
            return sequence(open, content);
        }
        if (content.startsWith("var:")) {
            return variable(open, content.substring("var:".length()));
        }
        throw fail(open, "unknown placeholder {" + content + "}");
    }

    private TemplatePart sequence(int open, String content) {
        if (hasSequence) {
            throw fail(open, "second {seq}");
        }
        hasSequence = true;
        if (content.equals("seq")) {
            return new TemplatePart.Sequence(0);
        }
        int width = parseWidth(content.substring("seq:".length()));
        if (width < 1 || width > MAX_SEQUENCE_WIDTH) {
            throw fail(open + "{seq:".length(), "{seq:N} width must be 1.." + MAX_SEQUENCE_WIDTH);
        }
        return new TemplatePart.Sequence(width);
    }

    /** Plain decimal without leading zeros, or -1. */
    private static int parseWidth(String text) {
        if (text.isEmpty() || text.length() > 2 || text.charAt(0) == '0') {
            return -1;
        }
        int width = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            width = width * 10 + (c - '0');
        }
        return width;
    }

    private TemplatePart variable(int open, String name) {
        int nameStart = open + "{var:".length();
        if (name.isEmpty()) {
            throw fail(nameStart, "variable name must not be empty");
        }
        if (!isAsciiLetter(name.charAt(0))) {
            throw fail(nameStart, "variable name must start with a letter");
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAsciiLetter(c) && !isDigit(c) && c != '_') {
                throw fail(
                        nameStart + i, "character " + describe(nameStart + i) + " is not allowed in a variable name");
            }
        }
        if (name.length() > MAX_VARIABLE_NAME_LENGTH) {
            throw fail(
                    nameStart + MAX_VARIABLE_NAME_LENGTH,
                    "variable name longer than " + MAX_VARIABLE_NAME_LENGTH + " characters");
        }
        if (!variableNames.add(name)) {
            throw fail(open, "second {var:" + name + "}");
        }
        return new TemplatePart.Variable(name);
    }

    private void flushLiteral() {
        if (!literal.isEmpty()) {
            parts.add(new TemplatePart.Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    static boolean isLiteral(char c) {
        return isAsciiLetter(c) || isDigit(c) || LITERAL_PUNCTUATION.indexOf(c) >= 0;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Quotes a visible character; names invisible ones and lone surrogates by code point. */
    private String describe(int index) {
        int codePoint = format.codePointAt(index);
        if (codePoint == ' ' || isVisible(codePoint)) {
            return "'" + Character.toString(codePoint) + "'";
        }
        String hex = Integer.toHexString(codePoint).toUpperCase(Locale.ROOT);
        return "U+" + "0".repeat(Math.max(0, 4 - hex.length())) + hex;
    }

    private static boolean isVisible(int codePoint) {
        if (Character.isWhitespace(codePoint)) {
            return false;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED -> false;
            default -> true;
        };
    }

    private TemplateSyntaxException fail(int position, String reason) {
        return new TemplateSyntaxException(reason, position);
    }
}
