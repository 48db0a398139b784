package dev.numgen.format;

/** Digit counting for non-negative sequence values, without division. */
final class SequenceDigits {

    private SequenceDigits() {}

    static int count(long value) {
        long limit = 10;
        for (int digits = 1; digits < 19; digits++) {
            if (value < limit) {
                return digits;
            }
            limit *= 10;
        }
        return 19;
    }
}
