package dev.numgen.format;

/** Digit counting and writing for non-negative sequence values, without division by variables. */
final class SequenceDigits {

    private SequenceDigits() {}

    private static final long[] POWERS_OF_TEN = new long[19];
    /** The two ASCII digits of 0..99: DIGIT_PAIRS[2n] is the tens digit of n, DIGIT_PAIRS[2n + 1] its ones digit. */
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        long power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
        for (int n = 0; n < 100; n++) {
            DIGIT_PAIRS[2 * n] = (byte) ('0' + n / 10);
            DIGIT_PAIRS[2 * n + 1] = (byte) ('0' + n % 10);
        }
    }

    /** Digits of a non-negative value: an estimate from its bit length, corrected once. */
    static int count(long value) {
        int bits = 64 - Long.numberOfLeadingZeros(value | 1);
        int digits = (bits * 1233) >>> 12; // floor(bits * log10(2)), never more than one too few
        return digits < POWERS_OF_TEN.length && value >= POWERS_OF_TEN[digits] ? digits + 1 : Math.max(digits, 1);
    }

    /** 10 to the power {@code width}: the smallest value with more than {@code width} digits; width 0..18. */
    static long limit(int width) {
        return POWERS_OF_TEN[width];
    }

    /**
     * Writes {@code value} as exactly {@code width} ASCII digits, zero-padded, ending just before {@code end}.
     * Requires {@code 0 <= value < limit(width)}.
     */
    static void write(byte[] out, int end, int width, long value) {
        int index = end;
        int left = width;
        long wide = value;
        while (wide > Integer.MAX_VALUE) {
            long quotient = wide / 100;
            int pair = (int) (wide - quotient * 100) * 2;
            out[--index] = DIGIT_PAIRS[pair + 1];
            out[--index] = DIGIT_PAIRS[pair];
            wide = quotient;
            left -= 2;
        }
        int narrow = (int) wide;
        for (; left >= 2; left -= 2) {
            int quotient = narrow / 100;
            int pair = (narrow - quotient * 100) * 2;
            out[--index] = DIGIT_PAIRS[pair + 1];
            out[--index] = DIGIT_PAIRS[pair];
            narrow = quotient;
        }
        if (left == 1) {
            out[index - 1] = (byte) ('0' + narrow);
        }
    }
}
