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

    RenderWindow(long firstMilli, long lastMilli, String[] fixedText, int width) {
        this.firstMilli = firstMilli;
        this.lastMilli = lastMilli;
        this.fixedText = fixedText;
        this.width = width;
        this.paddedPrefixes = new String[Math.max(width, 1)];
        for (int zeros = 0; zeros < paddedPrefixes.length; zeros++) {
            paddedPrefixes[zeros] = fixedText[0] + "0".repeat(zeros);
        }
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
        // Indy string concatenation sizes the result exactly and allocates one array, fewer than copying a
        // pre-filled byte[] and decoding it into a String.
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
