package dev.numgen.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What a run measures while it runs, from the threads that complete requests and the one that plans them. Every
 * figure is kept by planned start: a request's latency runs from the moment it was due (not the moment it was sent,
 * which would hide the wait of a late sender: no coordinated omission), and the time charts place it at that moment.
 */
final class Recording {

    /**
     * Latencies up to two minutes, in microseconds (a request times out after {@link LoadRun#REQUEST_TIMEOUT}, and
     * its latency from the planned start is that plus how late it was sent; longer ones count as two minutes).
     */
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(2);

    /** At most this many points on a time chart: a two-hour run gets 12-second intervals. */
    private static final int MOST_INTERVALS = 600;

    /** The figures of one interval of planned starts. */
    static final class Interval {
        /** Two significant digits: enough for a point of a time chart, and small (600 of them in a long run). */
        final Histogram micros = new Histogram(HIGHEST_MICROS, 2);

        long requests;
        long failed;
        long dropped;
    }

    private final Histogram all = newHistogram();
    /** How late the generator sent each request after its planned start: whether it kept up with the schedule. */
    private final Histogram lateness = newHistogram();

    private final Duration interval;
    private final List<Interval> intervals = new ArrayList<>();
    private final Optional<Timeline> timeline;
    private final long slowNanos;
    private long minMicros = Long.MAX_VALUE;
    private long maxMicros;
    private double sumMicros;
    private long requests;
    private long failed;
    private long checksPassed;
    private long dropped;

    /** A recording of a run of {@code duration}; {@code slowMillis} present keeps the timeline for stalls. */
    Recording(Duration duration, Optional<Long> slowMillis) {
        long seconds = Math.max(1, (long) Math.ceil(duration.toSeconds() / (double) MOST_INTERVALS));
        this.interval = Duration.ofSeconds(seconds);
        this.timeline = slowMillis.map(slow -> new Timeline());
        this.slowNanos = slowMillis.map(TimeUnit.MILLISECONDS::toNanos).orElse(Long.MAX_VALUE);
    }

    /** Three significant digits, for the run's percentiles. */
    private static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    /** A request planned {@code startNanos} into the run, answered {@code latencyNanos} after that. */
    synchronized void completed(long startNanos, long latencyNanos, boolean requestFailed, boolean checkPassed) {
        long micros = Math.min(HIGHEST_MICROS, Math.max(0, latencyNanos / 1000));
        all.recordValue(micros);
        minMicros = Math.min(minMicros, micros);
        maxMicros = Math.max(maxMicros, micros);
        sumMicros += micros;
        Interval at = intervalAt(startNanos);
        at.micros.recordValue(micros);
        at.requests++;
        requests++;
        if (requestFailed) {
            at.failed++;
            failed++;
        }
        if (checkPassed) {
            checksPassed++;
        }
        // As the k6 script judges an iteration: its checks (a 200 with its numbers) failed, or it was slow.
        boolean bad = requestFailed || !checkPassed || latencyNanos > slowNanos;
        timeline.ifPresent(line -> line.add(startNanos, bad));
    }

    /** A request sent {@code lateNanos} after its planned start. */
    synchronized void sent(long lateNanos) {
        lateness.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, lateNanos / 1000)));
    }

    synchronized Histogram lateness() {
        return lateness.copy();
    }

    /** An iteration due {@code startNanos} into the run that found every virtual user busy. */
    synchronized void dropped(long startNanos) {
        intervalAt(startNanos).dropped++;
        dropped++;
        timeline.ifPresent(line -> line.add(startNanos, true));
    }

    private Interval intervalAt(long startNanos) {
        int index = (int) (startNanos / interval.toNanos());
        while (intervals.size() <= index) {
            intervals.add(new Interval());
        }
        return intervals.get(index);
    }

    Duration interval() {
        return interval;
    }

    synchronized List<Interval> intervals() {
        return List.copyOf(intervals);
    }

    synchronized Histogram latencies() {
        return all.copy();
    }

    synchronized Optional<Timeline.Stretch> stall() {
        return timeline.map(Timeline::longestStall);
    }

    /** The k6 metrics of the run so far, rates per second over {@code elapsed}. */
    synchronized Metrics metrics(Duration elapsed) {
        double seconds = elapsed.toNanos() / 1e9;
        Metrics metrics = new Metrics()
                .put("http_reqs", new Metrics.Counter(requests, seconds))
                .put("iterations", new Metrics.Counter(requests, seconds))
                .put("dropped_iterations", new Metrics.Counter(dropped, seconds))
                .put("http_req_failed", new Metrics.Rate(failed, requests))
                .put("checks", new Metrics.Rate(checksPassed, requests))
                .put(
                        "http_req_duration",
                        new Metrics.HistogramTrend(all.copy(), requests == 0 ? 0 : minMicros, maxMicros, sumMicros));
        stall().ifPresent(stall -> metrics.put("stall_ms", new Metrics.SingleValue(stall.millis())));
        return metrics;
    }
}
