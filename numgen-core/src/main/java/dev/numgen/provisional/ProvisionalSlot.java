package dev.numgen.provisional;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What takes the sequence's place in a provisional number: {@code ~<node tag>.<local-clock value in base 36>~}, e.g.
 * {@code ORD-20261125-~node-3.1BX4K0ZL2Q~}.
 *
 * <p>Why it can never equal another number of the same rule:
 *
 * <ul>
 *   <li>A regular number contains no {@code ~}: literals, dates, sequence digits and variable values are all drawn
 *       from letters, digits and {@code -_./#:}.
 *   <li>A provisional number contains exactly two {@code ~}, which bound the slot; so the slot, and with it the node
 *       tag and the value, is read back unambiguously. Node tags are unique in a cluster (they default to the Ignite
 *       consistent id) and contain no {@code .}; each node's values strictly increase and survive restarts in its
 *       journal.
 * </ul>
 */
public final class ProvisionalSlot {

    public static final char MARK = '~';
    private static final Pattern NODE_TAG = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private ProvisionalSlot() {}

    /** @throws IllegalArgumentException when {@code nodeTag} could make two nodes' slots alike */
    public static String checkNodeTag(String nodeTag) {
        if (nodeTag == null || !NODE_TAG.matcher(nodeTag).matches()) {
            throw new IllegalArgumentException(
                    "the node tag must be 1-32 letters, digits, '_' or '-' and unique in the cluster, was: " + nodeTag);
        }
        return nodeTag;
    }

    public static String of(String nodeTag, long value) {
        return MARK + nodeTag + '.' + Long.toString(value, 36).toUpperCase(Locale.ROOT) + MARK;
    }

    /** Whether {@code number} is a provisional number (regular numbers never contain the mark). */
    public static boolean isProvisional(String number) {
        return number.indexOf(MARK) >= 0;
    }
}
