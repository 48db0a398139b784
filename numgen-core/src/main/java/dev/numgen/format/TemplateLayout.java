package dev.numgen.format;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/** Where a template's slots lie, and how to pre-render the fixed text around them for the window of an instant. */
final class TemplateLayout {

    private final List<TemplatePart> parts;
    private final int sequenceWidth;
    /** Slot names in order; null marks the sequence slot. */
    private final String[] slots;
    /** The longest local period in which no shown date part changes; null when none is shown. */
    private final ChronoUnit period;

    TemplateLayout(List<TemplatePart> parts) {
        this.parts = parts;
        int width = 0;
        ChronoUnit finest = null;
        List<String> names = new ArrayList<>();
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Sequence sequence) {
                width = sequence.width();
                names.add(null);
            } else if (part instanceof TemplatePart.Variable variable) {
                names.add(variable.name());
            } else if (part instanceof TemplatePart.Date date
                    && (finest == null || date.field().period().compareTo(finest) < 0)) {
                finest = date.field().period();
            }
        }
        this.sequenceWidth = width;
        this.slots = names.toArray(String[]::new);
        this.period = finest;
    }

    int slotCount() {
        return slots.length;
    }

    /** The variable name of a slot, or null for the sequence slot. */
    String slotName(int index) {
        return slots[index];
    }

    /** @throws IllegalArgumentException if the local year at the instant is outside 0000..9999 */
    RenderWindow windowAt(long epochMilli, ZoneId zone) {
        if (period == null) {
            return new RenderWindow(Long.MIN_VALUE, Long.MAX_VALUE, fixedText(null), sequenceWidth);
        }
        Instant instant = Instant.ofEpochMilli(epochMilli);
        ZoneRules rules = zone.getRules();
        ZoneOffset offset = rules.getOffset(instant);
        LocalDateTime local = LocalDateTime.ofInstant(instant, offset);
        if (local.getYear() < 0 || local.getYear() > 9999) {
            throw new IllegalArgumentException("instant " + instant + " is outside years 0000..9999 in " + zone);
        }
        LocalDateTime periodStart = startOfPeriod(local);
        long first = periodStart.toEpochSecond(offset) * 1000;
        long end = periodStart.plus(1, period).toEpochSecond(offset) * 1000;
        // Bounded by the offset transitions around the instant, local time runs evenly inside the window, so a
        // gap or an overlap (DST, or a zone changing its offset) can never leave a stale date part in it.
        ZoneOffsetTransition previous = rules.previousTransition(instant.plusNanos(1));
        if (previous != null) {
            first = Math.max(first, previous.toEpochSecond() * 1000);
        }
        ZoneOffsetTransition next = rules.nextTransition(instant);
        if (next != null) {
            end = Math.min(end, next.toEpochSecond() * 1000);
        }
        return new RenderWindow(first, end - 1, fixedText(local), sequenceWidth);
    }

    private LocalDateTime startOfPeriod(LocalDateTime local) {
        return switch (period) {
            case HOURS -> local.truncatedTo(ChronoUnit.HOURS);
            case DAYS -> local.truncatedTo(ChronoUnit.DAYS);
            case MONTHS -> local.toLocalDate().withDayOfMonth(1).atStartOfDay();
            case YEARS -> local.toLocalDate().withDayOfYear(1).atStartOfDay();
            default -> throw new IllegalStateException("unexpected period " + period);
        };
    }

    /** Literals and date parts between the slots; {@code local} is null when no date part is shown. */
    private String[] fixedText(LocalDateTime local) {
        String[] texts = new String[slots.length + 1];
        StringBuilder text = new StringBuilder();
        int slot = 0;
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Literal literal) {
                text.append(literal.text());
            } else if (part instanceof TemplatePart.Date date) {
                date.field().appendTo(text, local);
            } else {
                texts[slot++] = text.toString();
                text.setLength(0);
            }
        }
        texts[slot] = text.toString();
        return texts;
    }
}
