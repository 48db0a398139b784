package dev.numgen.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TickingClockTest {

    /** A source clock the test moves by hand. */
    private static final class HandClock extends Clock {
        final AtomicLong millis = new AtomicLong(1_000);

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void followsItsSourceWithinTicks() throws InterruptedException {
        HandClock source = new HandClock();
        try (TickingClock clock = new TickingClock(source)) {
            assertThat(clock.millis()).isEqualTo(1_000);
            source.millis.set(5_000);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (clock.millis() != 5_000 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(clock.millis()).isEqualTo(5_000);
            assertThat(clock.instant()).isEqualTo(Instant.ofEpochMilli(5_000));
        }
    }
}
