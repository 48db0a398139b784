package dev.numgen.issue;

import dev.numgen.rule.ResetPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Names the reset bucket an instant falls in ({@code 2026}, {@code 2026-11}, {@code 2026-11-25}
 * in the rule's zone). The label of the current day is kept until the day ends, so the common
 * case is two comparisons.
 */
final class ResetCalendar {

    private final ResetPeriod period;
    private final ZoneId zone;
    private volatile Day day = new Day(Long.MAX_VALUE, Long.MIN_VALUE, "");

    ResetCalendar(ResetPeriod period, ZoneId zone) {
        this.period = period;
        this.zone = zone;
    }

    String bucket(long epochMilli) {
        if (period == ResetPeriod.NEVER) {
            return "";
        }
        Day known = day;
        if (epochMilli >= known.start && epochMilli < known.end) {
            return known.label;
        }
        Day computed = dayOf(epochMilli);
        day = computed;
        return computed.label;
    }

    private Day dayOf(long epochMilli) {
        LocalDate date = Instant.ofEpochMilli(epochMilli).atZone(zone).toLocalDate();
        ZonedDateTime start = date.atStartOfDay(zone);
        ZonedDateTime end = date.plusDays(1).atStartOfDay(zone);
        String label = switch (period) {
            case YEARLY -> String.valueOf(date.getYear());
            case MONTHLY -> date.getYear() + "-" + twoDigits(date.getMonthValue());
            default -> date.toString();
        };
        return new Day(start.toInstant().toEpochMilli(), end.toInstant().toEpochMilli(), label);
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }

    private record Day(long start, long end, String label) {}
}
