package dev.numgen.rule;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An upper bound on how many elements a regular expression compiles to, read from its text: counted repetitions
 * ({@code {n}}, {@code {n,}}, {@code {n,m}}) multiply what they repeat, nested ones multiply again. The reading errs
 * towards more elements wherever it is unsure: a character class ends here no later than RE2/J ends it, and anything
 * that is not structure counts as one element. Malformed patterns get some estimate; RE2/J then refuses them.
 */
final class PatternSize {

    /** The most elements a variable's pattern may expand to; far beyond any pattern for a 64-character value. */
    static final long MAX = 1000;

    private PatternSize() {}

    static long estimate(String pattern) {
        Deque<long[]> open = new ArrayDeque<>(); // per enclosing group: {elements so far, the last item's elements}
        long[] current = {0, 0};
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                int next = skipEscape(pattern, i);
                // A quoted run counts each of its characters, an escape counts one.
                current = item(current, pattern.startsWith("\\Q", i) ? Math.max(1, next - i - 4) : 1);
                i = next;
                continue;
            }
            if (c == '[') {
                i = skipClass(pattern, i);
                current = item(current, 1);
                continue;
            }
            if (c == '(') {
                open.push(current);
                current = new long[] {0, 0};
            } else if (c == ')' && !open.isEmpty()) {
                long group = current[0] + current[1] + 1;
                current = item(open.pop(), group);
            } else if (c == '|') {
                current[0] += current[1] + 1;
                current[1] = 0;
            } else if (c == '*' || c == '+' || c == '?') {
                current[1] += 1;
            } else if (c == '{' && repeatEnd(pattern, i) > 0) {
                int end = repeatEnd(pattern, i);
                current[1] = capped(current[1] * copies(pattern.substring(i + 1, end)));
                i = end + 1;
                continue;
            } else {
                current = item(current, 1);
            }
            i++;
        }
        long total = current[0] + current[1];
        for (long[] group : open) {
            total = capped(total + group[0] + group[1]);
        }
        return total;
    }

    private static long[] item(long[] frame, long elements) {
        frame[0] = capped(frame[0] + frame[1]);
        frame[1] = elements;
        return frame;
    }

    /** Past the escape at {@code i}: {@code \Q...\E} and {@code \x{..}}, {@code \p{..}}, {@code \P{..}} whole. */
    private static int skipEscape(String pattern, int i) {
        if (i + 1 >= pattern.length()) {
            return i + 1;
        }
        char kind = pattern.charAt(i + 1);
        if (kind == 'Q') {
            int end = pattern.indexOf("\\E", i + 2);
            return end < 0 ? pattern.length() : end + 2;
        }
        if ((kind == 'x' || kind == 'p' || kind == 'P') && i + 2 < pattern.length() && pattern.charAt(i + 2) == '{') {
            int end = pattern.indexOf('}', i + 3);
            return end < 0 ? pattern.length() : end + 1;
        }
        return i + 2;
    }

    /** Past the class opened at {@code i}: at the first unescaped {@code ]} that is not its first character. */
    private static int skipClass(String pattern, int i) {
        int j = i + 1;
        if (j < pattern.length() && pattern.charAt(j) == '^') {
            j++;
        }
        if (j < pattern.length() && pattern.charAt(j) == ']') {
            j++;
        }
        while (j < pattern.length()) {
            char c = pattern.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (c == ']') {
                return j + 1;
            } else {
                j++;
            }
        }
        return pattern.length();
    }

    /**
     * The index of the brace closing a repetition count ({@code n}, {@code n,} or {@code n,m}) opened at {@code i}, or
     * -1 where the brace is a literal.
     */
    private static int repeatEnd(String pattern, int i) {
        int j = i + 1;
        int digits = 0;
        boolean comma = false;
        while (j < pattern.length()) {
            char c = pattern.charAt(j);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == ',' && !comma && digits > 0) {
                comma = true;
            } else {
                return c == '}' && digits > 0 ? j : -1;
            }
            j++;
        }
        return -1;
    }

    /** The most copies {@code n}, {@code n,} or {@code n,m} makes (at most MAX + 1, so no arithmetic overflows). */
    private static long copies(String counts) {
        int comma = counts.indexOf(',');
        String low = comma < 0 ? counts : counts.substring(0, comma);
        String high = comma < 0 ? counts : counts.substring(comma + 1);
        long copies = high.isEmpty() ? number(low) + 1 : Math.max(number(low), number(high));
        return Math.min(copies, MAX + 1);
    }

    private static long number(String digits) {
        return digits.length() > 6 ? MAX + 1 : Long.parseLong(digits);
    }

    private static long capped(long elements) {
        return Math.min(elements, MAX + 1);
    }
}
