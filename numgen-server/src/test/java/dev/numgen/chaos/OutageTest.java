package dev.numgen.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which failed requests a node's outage explains: those in flight during it, however long they waited. */
class OutageTest {

    private static final long KILLED = 100_000;
    private static final long READY = 130_000;
    private final Outage outage = new Outage(2, KILLED, READY);

    @Test
    void aRequestSentNearTheEndOfTheWindowThatTimesOutIsExplained() {
        long sent = READY + Outage.SETTLE.toMillis();
        assertThat(outage.explains(failure(sent, sent + ClusterHarness.REQUEST_TIMEOUT.toMillis())))
                .isTrue();
    }

    @Test
    void aRequestInFlightWhenTheNodeWasKilledIsExplained() {
        assertThat(outage.explains(failure(KILLED - 1_000, KILLED + 10))).isTrue();
    }

    @Test
    void failuresBeforeTheKillOrSentAfterTheWindowAreNotExplained() {
        assertThat(outage.explains(failure(KILLED - 2_000, KILLED - 1_000))).isFalse();
        long late = READY + Outage.SETTLE.toMillis() + 1;
        assertThat(outage.explains(failure(late, late + 5))).isFalse();
    }

    private static IssuedLedger.Failure failure(long sentAt, long answeredAt) {
        return new IssuedLedger.Failure(sentAt, answeredAt, -1, "lb /api/numbers", "timed out");
    }
}
