package dev.numgen.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.testing.HandClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TickingClockTest {

    @Test
    void followsItsSourceWithinTicks() throws InterruptedException {
        HandClock source = new HandClock(Instant.ofEpochMilli(1_000));
        try (TickingClock clock = new TickingClock(source)) {
            assertThat(clock.millis()).isEqualTo(1_000);
            source.setMillis(5_000);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (clock.millis() != 5_000 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(clock.millis()).isEqualTo(5_000);
            assertThat(clock.instant()).isEqualTo(Instant.ofEpochMilli(5_000));
        }
    }
}
