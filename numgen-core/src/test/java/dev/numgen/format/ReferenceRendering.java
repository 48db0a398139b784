package dev.numgen.format;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A slow, obviously correct rendering with java.time and String.format, to compare the renderer against. */
final class ReferenceRendering {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final Map<String, DateTimeFormatter> DATE_PARTS = Map.of(
            "yyyy", DateTimeFormatter.ofPattern("uuuu"),
            "yy", DateTimeFormatter.ofPattern("uu"),
            "MM", DateTimeFormatter.ofPattern("MM"),
            "dd", DateTimeFormatter.ofPattern("dd"),
            "HH", DateTimeFormatter.ofPattern("HH"),
            "DDD", DateTimeFormatter.ofPattern("DDD"));

    private ReferenceRendering() {}

    static String render(String format, ZoneId zone, long epochMilli, long sequence, Map<String, String> variables) {
        ZonedDateTime time = Instant.ofEpochMilli(epochMilli).atZone(zone);
        Matcher matcher = PLACEHOLDER.matcher(format);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = value(matcher.group(1), time, sequence, variables);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String value(String placeholder, ZonedDateTime time, long sequence, Map<String, String> variables) {
        DateTimeFormatter datePart = DATE_PARTS.get(placeholder);
        if (datePart != null) {
            return datePart.format(time);
        }
        if (placeholder.equals("seq")) {
            return Long.toString(sequence);
        }
        if (placeholder.startsWith("seq:")) {
            return String.format("%0" + placeholder.substring("seq:".length()) + "d", sequence);
        }
        return variables.get(placeholder.substring("var:".length()));
    }
}
