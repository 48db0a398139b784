package dev.numgen.rule;

/**
 * Free text that people read later (a rule's description): no control characters, nothing invisible that changes
 * how the text around it looks (bidi overrides, zero-width characters, line and paragraph separators), no lone
 * surrogates.
 */
final class PlainText {

    private PlainText() {}

    static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (Character.isISOControl(codePoint)) {
                return false;
            }
            switch (Character.getType(codePoint)) {
                case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE -> {
                    return false;
                }
                default -> i += Character.charCount(codePoint);
            }
        }
        return true;
    }
}
