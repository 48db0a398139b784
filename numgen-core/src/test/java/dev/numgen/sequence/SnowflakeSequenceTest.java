package dev.numgen.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.testing.Await;
import dev.numgen.testing.HandClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        ExecutorService issuing = Executors.newSingleThreadExecutor(work -> {
            Thread thread = new Thread(work, "snowflake-batch");
            thread.setDaemon(true); // a sequence that never stops waiting must not keep the test JVM alive
            return thread;
        });
        try {
            Future<long[]> issued = issuing.submit(() -> snowflake.next(KEY, 5000));
            // 5,000 ids take one read of the clock each; twice as many reads mean the sequence has used up the
            // millisecond and reads the clock again and again, waiting for the next.
            Await.until("the sequence to wait for the next millisecond", clock::reads, reads -> reads > 10_000);
            assertThat(issued).isNotDone();
            clock.advance(Duration.ofMillis(1));
            long[] batch = Await.result("5,000 ids", issued);

            assertThat(batch).hasSize(5000).doesNotHaveDuplicates().isSorted();
            assertThat(Arrays.stream(batch).filter(id -> SnowflakeSequence.millisOf(id) == NOW))
                    .hasSize(4096);
            assertThat(SnowflakeSequence.millisOf(batch[4999])).isEqualTo(NOW + 1);
        } finally {
            issuing.shutdownNow();
        }
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
