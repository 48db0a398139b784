package dev.numgen.format;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/** A date or time part a format can show, always rendered zero-padded to a fixed width. */
public enum DateField {
    YEAR("yyyy", 4, ChronoUnit.YEARS),
    YEAR_OF_CENTURY("yy", 2, ChronoUnit.YEARS),
    MONTH("MM", 2, ChronoUnit.MONTHS),
    DAY_OF_MONTH("dd", 2, ChronoUnit.DAYS),
    HOUR("HH", 2, ChronoUnit.HOURS),
    DAY_OF_YEAR("DDD", 3, ChronoUnit.DAYS);

    private final String token;
    private final int width;
    private final ChronoUnit period;

    DateField(String token, int width, ChronoUnit period) {
        this.token = token;
        this.width = width;
        this.period = period;
    }

    static DateField ofToken(String token) {
        for (DateField field : values()) {
            if (field.token.equals(token)) {
                return field;
            }
        }
        return null;
    }

    int width() {
        return width;
    }

    /** The longest local period during which this field cannot change. */
    ChronoUnit period() {
        return period;
    }

    /** Requires a year within 0..9999, so every field fits its width. */
    void appendTo(StringBuilder out, LocalDateTime local) {
        int value = switch (this) {
            case YEAR -> local.getYear();
            case YEAR_OF_CENTURY -> local.getYear() % 100;
            case MONTH -> local.getMonthValue();
            case DAY_OF_MONTH -> local.getDayOfMonth();
            case HOUR -> local.getHour();
            case DAY_OF_YEAR -> local.getDayOfYear();
        };
        for (int limit = 10, digits = 1; digits < width; limit *= 10, digits++) {
            if (value < limit) {
                out.append('0');
            }
        }
        out.append(value);
    }
}
