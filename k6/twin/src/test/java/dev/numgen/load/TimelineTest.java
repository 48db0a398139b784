package dev.numgen.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final long MILLI = 1_000_000;

    @Test
    void noBadIterationIsNoStall() {
        Timeline timeline = new Timeline();
        for (int i = 0; i < 100; i++) {
            timeline.add(i * 5 * MILLI, false);
        }

        assertThat(timeline.longestStall()).isEqualTo(new Timeline.Stretch(0, 0, 0));
    }

    @Test
    void theStallRunsFromTheFirstStartOfTheLongestBadStretchToTheGoodStartAfterIt() {
        Timeline timeline = new Timeline();
        // Every 10 ms for 10 s; bad from 2 000 to 2 300 ms (300 ms) and from 5 000 to 6 500 ms (1 500 ms).
        // Added in reverse, as completions arrive out of order.
        for (long at = 9_990; at >= 0; at -= 10) {
            boolean bad = (at >= 2_000 && at <= 2_300) || (at >= 5_000 && at <= 6_500);
            timeline.add(at * MILLI, bad);
        }

        Timeline.Stretch stall = timeline.longestStall();

        assertThat(stall.millis()).isEqualTo(1_510);
        assertThat(stall.fromNanos()).isEqualTo(5_000 * MILLI);
        assertThat(stall.iterations()).isEqualTo(151);
    }

    @Test
    void oneGoodIterationSplitsAStretchAndABadEndCounts() {
        Timeline timeline = new Timeline();
        for (long at = 0; at < 1_000; at += 10) {
            timeline.add(at * MILLI, at >= 100 && at != 400);
        }

        // 100 up to the good 400 (300 ms) and 410..990 (580 ms, running to the end of the run).
        assertThat(timeline.longestStall().millis()).isEqualTo(580);
    }

    @Test
    void aLoneBadIterationStallsUntilTheNextGoodOne() {
        Timeline timeline = new Timeline();
        timeline.add(0, false);
        timeline.add(10 * MILLI, true);
        timeline.add(20 * MILLI, false);

        assertThat(timeline.longestStall()).isEqualTo(new Timeline.Stretch(10 * MILLI, 20 * MILLI, 1));
    }

    @Test
    void aRecordingCountsSlowFailedAndDroppedIterationsAsBad() {
        Recording recording = new Recording(java.time.Duration.ofSeconds(2), Optional.of(1_000L));
        recording.completed(0, 5 * MILLI, false, true);
        recording.completed(100 * MILLI, 1_500 * MILLI, false, true); // slow
        recording.dropped(200 * MILLI);
        recording.completed(300 * MILLI, 5 * MILLI, true, false); // failed
        recording.completed(400 * MILLI, 999 * MILLI, false, true); // not quite slow
        recording.completed(500 * MILLI, 5 * MILLI, false, true);

        assertThat(recording.stall().orElseThrow().millis()).isEqualTo(300);
        Metrics metrics = recording.metrics(java.time.Duration.ofSeconds(2));
        assertThat(((Metrics.Trend) metrics.get("stall_ms")).max()).isEqualTo(300);
        assertThat(metrics.get("dropped_iterations")).isEqualTo(new Metrics.Counter(1, 2));
        assertThat(metrics.get("http_req_failed")).isEqualTo(new Metrics.Rate(1, 5));
        assertThat(metrics.get("checks")).isEqualTo(new Metrics.Rate(4, 5));
    }

    @Test
    void aFailedCheckOnAnAnsweredRequestIsBadAsInTheK6Script() {
        Recording recording = new Recording(java.time.Duration.ofSeconds(2), Optional.of(1_000L));
        recording.completed(0, 5 * MILLI, false, true);
        recording.completed(100 * MILLI, 5 * MILLI, false, false); // a 200 without its numbers
        recording.completed(250 * MILLI, 5 * MILLI, false, true);

        assertThat(recording.stall().orElseThrow().millis()).isEqualTo(150);
    }
}
