package dev.numgen.load;

import java.time.Duration;
import java.util.List;

/**
 * When each iteration of an arrival-rate scenario starts, as k6 plans it: the rate (iterations per second) is a
 * piecewise-linear function of time, and iteration i (from 0) starts at the moment the integral of the rate since the
 * start reaches i. A constant rate r thus starts its iterations at 0, 1/r, 2/r, ... and a stage ramping from r0 to r1
 * crowds them more closely as the rate grows. Iterations are planned whatever the responses do (an open model).
 */
final class ArrivalSchedule {

    /** A stretch of time over which the rate moves linearly from {@code fromRate} to {@code toRate} per second. */
    record Segment(double fromRate, double toRate, Duration duration) {

        double seconds() {
            return duration.toNanos() / 1e9;
        }

        /** Iterations planned over the whole segment, a fraction included. */
        double arrivals() {
            return (fromRate + toRate) / 2 * seconds();
        }

        /**
         * Seconds into the segment at which {@code arrivals} iterations have been planned: the root of
         * {@code fromRate t + (toRate - fromRate) t^2 / (2 d) = arrivals}, in a form that stays exact when the rate is
         * constant or falling.
         */
        double secondsUntil(double arrivals) {
            double slope = (toRate - fromRate) / seconds();
            double root = Math.sqrt(Math.max(0, fromRate * fromRate + 2 * slope * arrivals));
            double denominator = fromRate + root;
            return denominator == 0 ? 0 : 2 * arrivals / denominator;
        }
    }

    private final List<Segment> segments;
    private final Duration duration;
    private final long total;

    ArrivalSchedule(List<Segment> segments) {
        this.segments = List.copyOf(segments);
        this.duration = segments.stream().map(Segment::duration).reduce(Duration.ZERO, Duration::plus);
        double arrivals = segments.stream().mapToDouble(Segment::arrivals).sum();
        // Iteration i exists when its start, the moment the integral reaches i, falls before the end.
        this.total = (long) Math.ceil(arrivals - 1e-9);
    }

    Duration duration() {
        return duration;
    }

    /** How many iterations the schedule starts. */
    long total() {
        return total;
    }

    /** Starts iteration by iteration, in order. */
    Cursor cursor() {
        return new Cursor();
    }

    /** Walks the starts in order without holding them all (a two-hour run plans millions). */
    final class Cursor {
        private int segment;
        private long segmentStartNanos;
        private double arrivalsBefore;
        private long next;

        /** Whether another iteration is planned. */
        boolean hasNext() {
            return next < total;
        }

        /** The planned start of the next iteration, in nanoseconds from the start of the run. */
        long nextStartNanos() {
            while (segment < segments.size() - 1
                    && next >= arrivalsBefore + segments.get(segment).arrivals() - 1e-9) {
                arrivalsBefore += segments.get(segment).arrivals();
                segmentStartNanos += segments.get(segment).duration().toNanos();
                segment++;
            }
            double into = segments.get(segment).secondsUntil(next - arrivalsBefore);
            next++;
            return segmentStartNanos + Math.round(into * 1e9);
        }
    }
}
