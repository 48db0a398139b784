package dev.numgen.format;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * Renders numbers of one template in one time zone. Thread-safe: the current window is an immutable snapshot in a
 * volatile field; threads racing to replace it each build a correct one, and the last write wins.
 */
public final class TemplateRenderer {

    private final TemplateLayout layout;
    private final ZoneId zone;
    private final boolean sequenceOnly;

    private volatile RenderWindow window = RenderWindow.NONE;

    TemplateRenderer(TemplateLayout layout, ZoneId zone) {
        this.layout = layout;
        this.zone = zone;
        this.sequenceOnly = layout.slotCount() == 1;
    }

    /**
     * Renders one number. A sequence wider than the template's width is printed in full, never cut.
     *
     * @param sequence non-negative
     * @param variables name to already-validated value; may be empty when the template has no variables
     * @throws IllegalArgumentException for a negative sequence, a missing variable, or a year outside 0000..9999
     */
    public String render(long epochMilli, long sequence, Map<String, String> variables) {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative: " + sequence);
        }
        RenderWindow current = windowAt(epochMilli);
        if (sequenceOnly) {
            return current.renderSequence(sequence);
        }
        return renderSlots(current, sequence, null, Objects.requireNonNull(variables, "variables"));
    }

    /**
     * Renders the template with {@code sequenceText} in the sequence's place, unpadded: the provisional numbers of a
     * node cut off from the cluster.
     */
    public String renderWithSequenceText(long epochMilli, String sequenceText, Map<String, String> variables) {
        RenderWindow current = windowAt(epochMilli);
        return renderSlots(current, -1, Objects.requireNonNull(sequenceText, "sequenceText"), variables);
    }

    private RenderWindow windowAt(long epochMilli) {
        RenderWindow current = window;
        if (!current.contains(epochMilli)) {
            current = layout.windowAt(epochMilli, zone);
            window = current;
        }
        return current;
    }

    /** With {@code sequenceText} null, the sequence slot shows {@code sequence}. */
    private String renderSlots(
            RenderWindow current, long sequence, String sequenceText, Map<String, String> variables) {
        StringBuilder out = new StringBuilder(64);
        out.append(current.fixedText(0));
        for (int i = 0; i < layout.slotCount(); i++) {
            String name = layout.slotName(i);
            if (name == null) {
                if (sequenceText == null) {
                    current.appendSequence(out, sequence);
                } else {
                    out.append(sequenceText);
                }
            } else {
                String value = variables.get(name);
                if (value == null) {
                    throw new IllegalArgumentException("no value for variable '" + name + "'");
                }
                out.append(value);
            }
            out.append(current.fixedText(i + 1));
        }
        return out.toString();
    }
}
