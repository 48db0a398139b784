package dev.numgen.load;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** k6's duration strings: one or more number-unit pairs, such as {@code 15s}, {@code 5m}, {@code 1m30s}, {@code 2h}. */
final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private Durations() {}

    static Duration parse(String text) {
        Matcher part = PART.matcher(text.trim());
        long nanos = 0;
        int end = 0;
        while (part.lookingAt()) {
            nanos += Math.round(Double.parseDouble(part.group(1)) * nanosPer(part.group(2)));
            end = part.end();
            part.region(end, part.regionEnd());
        }
        if (end == 0 || end != text.trim().length()) {
            throw new IllegalArgumentException("not a k6 duration: \"" + text + "\"");
        }
        return Duration.ofNanos(nanos);
    }

    private static double nanosPer(String unit) {
        return switch (unit) {
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            case "h" -> 3600e9;
            default -> throw new IllegalArgumentException(unit);
        };
    }
}
