package dev.numgen.server.security;

import java.util.function.Predicate;

/**
 * Spring Security's default test for header and parameter text, "assigned and not an ISO
 * control character", written as a loop instead of the default Unicode regular expression.
 * Same verdicts, a fraction of the cost on a 700-character bearer token.
 */
final class PrintableText implements Predicate<String> {

    @Override
    public boolean test(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.UNASSIGNED) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
