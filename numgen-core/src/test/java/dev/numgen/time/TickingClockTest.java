package dev.numgen.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.testing.Await;
import dev.numgen.testing.HandClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TickingClockTest {

    @Test
    void followsItsSourceWithinTicks() {
        HandClock source = new HandClock(Instant.ofEpochMilli(1_000));
        try (TickingClock clock = new TickingClock(source)) {
            assertThat(clock.millis()).isEqualTo(1_000);
            source.setMillis(5_000);
            Await.until("the ticking clock to follow its source to 5,000", clock::millis, millis -> millis == 5_000);
            assertThat(clock.instant()).isEqualTo(Instant.ofEpochMilli(5_000));
        }
    }
}
