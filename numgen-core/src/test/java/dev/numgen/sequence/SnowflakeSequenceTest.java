package dev.numgen.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.testing.HandClock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SnowflakeSequenceTest {

    private static final CounterKey KEY = new CounterKey("ID", "");
    private static final long NOW = Instant.parse("2026-11-25T12:00:00Z").toEpochMilli();

    private final HandClock clock = new HandClock(Instant.ofEpochMilli(NOW));
    private WorkerLease lease = new WorkerLease(5, Long.MAX_VALUE);
    /** What was recorded as issuing, in order; {@link #refusing} makes the next record fail. */
    private final List<String> recorded = new CopyOnWriteArrayList<>();

    private volatile boolean refusing;
    private final IssueRecords records = (key, strategy) -> {
        if (refusing) {
            throw new SequenceUnavailableException(key, "refused by the test", null);
        }
        recorded.add(key.prefixKey() + ":" + strategy);
    };
    private final SnowflakeSequence snowflake = new SnowflakeSequence(clock, () -> lease, records, 10);

    @Test
    void idsCarryTimeWorkerAndIncreaseWithinAMillisecond() {
        long first = snowflake.next(KEY);
        long second = snowflake.next(KEY);
        assertThat(second).isEqualTo(first + 1);
        assertThat(SnowflakeSequence.millisOf(first)).isEqualTo(NOW);
        assertThat(SnowflakeSequence.workerOf(first)).isEqualTo(5);
        assertThat(first).isPositive();
    }

    @Test
    void moreThan4096IdsInAMillisecondWaitForTheNext() {
        Set<Long> ids = new HashSet<>();
        Thread advancer = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException ignored) {
                return;
            }
            clock.advance(java.time.Duration.ofMillis(1));
        });
        advancer.start();
        long[] batch = snowflake.next(KEY, 5000);
        for (long id : batch) {
            ids.add(id);
        }
        assertThat(ids).hasSize(5000);
        assertThat(batch).isSorted();
        assertThat(SnowflakeSequence.millisOf(batch[4999])).isEqualTo(NOW + 1);
    }

    @Test
    void aSmallClockStepBackIsWaitedOut() {
        long before = snowflake.next(KEY);
        clock.setMillis(NOW - 5);
        clock.advanceOnEveryRead(1);
        long after = snowflake.next(KEY);
        assertThat(after).isGreaterThan(before);
    }

    @Test
    void aLargeClockStepBackIsRefusedNeverADuplicate() {
        snowflake.next(KEY);
        clock.setMillis(NOW - 1_000);
        assertThatThrownBy(() -> snowflake.next(KEY)).isInstanceOf(SequenceUnavailableException.class);
    }

    @Test
    void anExpiredLeaseStopsIssuing() {
        lease = new WorkerLease(5, NOW);
        assertThatThrownBy(() -> snowflake.next(KEY))
                .isInstanceOf(SequenceUnavailableException.class)
                .hasMessageContaining("lease");
    }

    @Test
    void eachRuleIsRecordedAsIssuingOnceBeforeItsFirstId() {
        snowflake.next(KEY);
        snowflake.next(new CounterKey("ID", "2026|region=2:EU"));
        snowflake.next(KEY, 3);
        assertThat(recorded).containsExactly("ID:SNOWFLAKE");

        snowflake.next(new CounterKey("OTHER", ""), 2);
        assertThat(recorded).containsExactly("ID:SNOWFLAKE", "OTHER:SNOWFLAKE");
    }

    @Test
    void noIdIsIssuedUntilTheRuleIsRecordedAndAFailedRecordIsTriedAgain() {
        refusing = true;
        assertThatThrownBy(() -> snowflake.next(KEY)).isInstanceOf(SequenceUnavailableException.class);
        assertThatThrownBy(() -> snowflake.next(KEY, 5)).isInstanceOf(SequenceUnavailableException.class);
        assertThat(recorded).isEmpty();

        refusing = false;
        long first = snowflake.next(KEY);
        // Nothing was handed out while refused: the first id is the first of its millisecond.
        assertThat(first & ((1 << SnowflakeSequence.SEQUENCE_BITS) - 1)).isZero();
        assertThat(recorded).containsExactly("ID:SNOWFLAKE");
    }

    @Test
    void aCounterTakenBeforeTheFirstIssueRecordsNothingUntilItIssues() {
        Counter counter = snowflake.counter(KEY);
        assertThat(recorded).isEmpty();
        counter.next();
        assertThat(recorded).containsExactly("ID:SNOWFLAKE");
    }

    @Test
    void theLayoutLastsSixtyYears() {
        long sixtyYears = Instant.parse("2086-01-01T00:00:00Z").toEpochMilli() - SnowflakeSequence.EPOCH;
        long maxMillis = Long.MAX_VALUE >>> (SnowflakeSequence.WORKER_BITS + SnowflakeSequence.SEQUENCE_BITS);
        assertThat(maxMillis).isGreaterThan(sixtyYears);
    }
}
