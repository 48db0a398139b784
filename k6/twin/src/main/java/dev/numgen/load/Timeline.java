package dev.numgen.load;

import java.util.Arrays;

/**
 * Every iteration of a run by its planned start and whether it went bad, to measure stalls. An iteration is bad when
 * its request failed (http_req_failed: a network error or a status of 400 or more), when it took longer than the slow
 * limit from its planned start, or when it could not start at all because every virtual user was busy (a dropped
 * iteration: the service held them all).
 *
 * <p><b>The stall</b> is the longest <em>bad stretch</em>, measured as the k6 script measures it: order the iterations
 * by planned start; a bad stretch is a maximal run of consecutive bad iterations, with no good one planned between
 * them; it lasts from the planned start of its first iteration to that of the good iteration after it (to that of
 * its own last iteration when the run ends bad). A run without bad iterations stalls 0 ms. Good iterations planned
 * inside an outage (a lucky request to a surviving node) thus split it, which is right: the service did answer well
 * in between.
 */
final class Timeline {

    /** A stretch of bad iterations, by planned start in nanoseconds from the start of the run. */
    record Stretch(long fromNanos, long toNanos, long iterations) {
        long nanos() {
            return toNanos - fromNanos;
        }

        long millis() {
            return nanos() / 1_000_000;
        }
    }

    /** Planned start times two by two, with the lowest bit set when bad, so that sorting orders by start. */
    private long[] entries = new long[1024];

    private int size;

    synchronized void add(long startNanos, boolean bad) {
        if (size == entries.length) {
            entries = Arrays.copyOf(entries, size * 2);
        }
        entries[size++] = startNanos << 1 | (bad ? 1 : 0);
    }

    /** The longest bad stretch; {@code Stretch(0, 0, 0)} when nothing went bad. */
    synchronized Stretch longestStall() {
        long[] sorted = Arrays.copyOf(entries, size);
        Arrays.sort(sorted);
        Stretch longest = new Stretch(0, 0, 0);
        int first = -1;
        for (int i = 0; i <= sorted.length; i++) {
            boolean bad = i < sorted.length && (sorted[i] & 1) == 1;
            if (bad && first < 0) {
                first = i;
            } else if (!bad && first >= 0) {
                long end = i < sorted.length ? sorted[i] >> 1 : sorted[i - 1] >> 1;
                Stretch stretch = new Stretch(sorted[first] >> 1, end, i - first);
                if (longest.iterations() == 0 || stretch.nanos() > longest.nanos()) {
                    longest = stretch;
                }
                first = -1;
            }
        }
        return longest;
    }
}
