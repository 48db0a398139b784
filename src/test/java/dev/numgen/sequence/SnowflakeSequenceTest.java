package dev.numgen.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SnowflakeSequenceTest {

    private static final CounterKey KEY = new CounterKey("ID", "");
    private static final long NOW = Instant.parse("2026-11-25T12:00:00Z").toEpochMilli();

    /** A clock the test sets; each read may advance it by {@code autoAdvance} ms. */
    private static final class HandClock extends Clock {
        final AtomicLong millis = new AtomicLong(NOW);
        volatile long autoAdvance;

        @Override
        public long millis() {
            return millis.getAndAdd(autoAdvance);
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final HandClock clock = new HandClock();
    private WorkerLease lease = new WorkerLease(5, Long.MAX_VALUE);
    private final SnowflakeSequence snowflake = new SnowflakeSequence(clock, () -> lease, 10);

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
            clock.millis.incrementAndGet();
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
        clock.millis.set(NOW - 5);
        clock.autoAdvance = 1;
        long after = snowflake.next(KEY);
        assertThat(after).isGreaterThan(before);
    }

    @Test
    void aLargeClockStepBackIsRefusedNeverADuplicate() {
        snowflake.next(KEY);
        clock.millis.set(NOW - 1_000);
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
    void theLayoutLastsSixtyYears() {
        long sixtyYears = Instant.parse("2086-01-01T00:00:00Z").toEpochMilli() - SnowflakeSequence.EPOCH;
        long maxMillis = Long.MAX_VALUE >>> (SnowflakeSequence.WORKER_BITS + SnowflakeSequence.SEQUENCE_BITS);
        assertThat(maxMillis).isGreaterThan(sixtyYears);
    }
}
