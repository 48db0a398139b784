package dev.numgen.format;

/** Digit counting for non-negative sequence values, without division. */
final class SequenceDigits {

    private SequenceDigits() {}

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        long power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    /** Digits of a non-negative value: an estimate from its bit length, corrected once. */
    static int count(long value) {
        int bits = 64 - Long.numberOfLeadingZeros(value | 1);
        int digits = (bits * 1233) >>> 12; // floor(bits * log10(2)), never more than one too few
        return digits < POWERS_OF_TEN.length && value >= POWERS_OF_TEN[digits] ? digits + 1 : Math.max(digits, 1);
    }
}
