package dev.numgen.format;

/**
 * One reusable byte buffer per thread in which a number is written before its String is built: the String (a copy of
 * the buffer) is the only allocation per number. A buffer holds one text at a time, the template most recently
 * copied into it, and is refilled only when a thread renders another template (or the next window of one).
 */
final class Latin1Buffer {

    private static final ThreadLocal<Latin1Buffer> OF_THREAD = ThreadLocal.withInitial(Latin1Buffer::new);

    private byte[] bytes = new byte[64];
    /** The template whose bytes fill {@link #bytes} outside the slot last written; compared by identity. */
    private byte[] filledFrom;

    private Latin1Buffer() {}

    /**
     * {@code template} (Latin-1 bytes, never modified) with {@code value} zero-padded to {@code width} digits ending
     * before {@code end}. Requires {@code 0 <= value < SequenceDigits.limit(width)}.
     */
    static String withDigits(byte[] template, int end, int width, long value) {
        Latin1Buffer buffer = OF_THREAD.get();
        byte[] bytes = buffer.bytes;
        if (buffer.filledFrom != template) {
            if (bytes.length < template.length) {
                bytes = new byte[template.length];
                buffer.bytes = bytes;
            }
            System.arraycopy(template, 0, bytes, 0, template.length);
            buffer.filledFrom = template;
        }
        SequenceDigits.write(bytes, end, width, value);
        return latin1String(bytes, template.length);
    }

    /**
     * String(byte[], hibyte 0, offset, count) is exactly a Latin-1 copy and small enough to be inlined; the Charset
     * constructor (one large method with a branch per charset) is not, and cost about 6 ns more per number here.
     */
    @SuppressWarnings("deprecation")
    private static String latin1String(byte[] bytes, int length) {
        return new String(bytes, 0, 0, length);
    }

    /** The Latin-1 bytes of {@code text}, or null when a character of it is beyond U+00FF. */
    static byte[] encode(String text) {
        byte[] encoded = new byte[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                return null;
            }
            encoded[i] = (byte) c;
        }
        return encoded;
    }
}
