package dev.numgen.format;

/**
 * The text of a template during one span of time in which no shown date part changes: literals and date parts
 * pre-rendered around the slots for the sequence and variables. Immutable, so it is safely shared between threads.
 */
final class RenderWindow {

    /** Contains no instant, so the first render replaces it. */
    static final RenderWindow NONE = new RenderWindow(Long.MAX_VALUE, Long.MIN_VALUE, new String[] {"", ""}, 0);

    private final long firstMilli;
    private final long lastMilli;
    /** fixedText[i] precedes slot i; the last entry follows the last slot. */
    private final String[] fixedText;
    /** paddedPrefixes[k] is fixedText[0] followed by k zeros. */
    private final String[] paddedPrefixes;

    private final int width;
    /**
     * For a template whose only slot is a padded sequence and whose fixed text is Latin-1: the whole number with
     * zeros in the sequence's place, into which {@link Latin1Buffer} writes a sequence of up to {@code width} digits.
     * Null otherwise.
     */
    private final byte[] paddedTemplate;
    /** Sequences below this fit the width, so they go into {@link #paddedTemplate}; 0 when there is none. */
    private final long paddedLimit;
    /** Where the sequence's digits end in {@link #paddedTemplate}. */
    private final int sequenceEnd;

    RenderWindow(long firstMilli, long lastMilli, String[] fixedText, int width) {
        this.firstMilli = firstMilli;
        this.lastMilli = lastMilli;
        this.fixedText = fixedText;
        this.width = width;
        this.paddedPrefixes = new String[Math.max(width, 1)];
        for (int zeros = 0; zeros < paddedPrefixes.length; zeros++) {
            paddedPrefixes[zeros] = fixedText[0] + "0".repeat(zeros);
        }
        boolean sequenceOnly = fixedText.length == 2;
        this.paddedTemplate =
                sequenceOnly && width > 0 ? Latin1Buffer.encode(paddedPrefixes[width - 1] + "0" + fixedText[1]) : null;
        this.paddedLimit = paddedTemplate != null ? SequenceDigits.limit(width) : 0;
        this.sequenceEnd = fixedText[0].length() + width;
    }

    /** Inclusive at both ends. */
    boolean contains(long epochMilli) {
        return epochMilli >= firstMilli && epochMilli <= lastMilli;
    }

    String fixedText(int index) {
        return fixedText[index];
    }

    /** For templates whose only slot is the sequence. */
    String renderSequence(long sequence) {
        if (sequence < paddedLimit) {
            return Latin1Buffer.withDigits(paddedTemplate, sequenceEnd, width, sequence);
        }
        // A sequence wider than the width, a bare {seq}, or fixed text beyond Latin-1: indy string concatenation
        // sizes the result exactly and allocates one array.
        return paddedPrefixes[zeros(sequence)] + sequence + fixedText[1];
    }

    void appendSequence(StringBuilder out, long sequence) {
        for (int zeros = zeros(sequence); zeros > 0; zeros--) {
            out.append('0');
        }
        out.append(sequence);
    }

    /** A sequence wider than the width gets no padding and keeps all its digits. */
    private int zeros(long sequence) {
        return Math.max(0, width - SequenceDigits.count(sequence));
    }
}
