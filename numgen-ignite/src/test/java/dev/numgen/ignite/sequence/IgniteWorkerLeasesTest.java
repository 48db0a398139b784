package dev.numgen.ignite.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.ignite.testing.TestNodes.TestNode;
import dev.numgen.ignite.testing.TwoNodeCluster;
import dev.numgen.sequence.SequenceUnavailableException;
import dev.numgen.sequence.WorkerLease;
import dev.numgen.testing.HandClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Worker-id leases on two embedded nodes: distinct ids, exhaustion, and expiry with a margin. */
class IgniteWorkerLeasesTest {

    @RegisterExtension
    static final TwoNodeCluster cluster = new TwoNodeCluster();

    @Test
    void nodesLeaseDistinctIdsUntilNoneIsLeftAndExpiredIdsAreTakenOnlyAfterTheMargin() {
        HandClock clock = new HandClock(Instant.parse("2026-11-25T12:00:00Z"));
        try (IgniteWorkerLeases a = leaser(cluster.first(), "a", clock);
                IgniteWorkerLeases b = leaser(cluster.second(), "b", clock);
                IgniteWorkerLeases c = leaser(cluster.second(), "c", clock)) {
            WorkerLease leaseA = a.current();
            WorkerLease leaseB = b.current();
            assertThat(leaseA.workerId()).isNotEqualTo(leaseB.workerId());
            assertThatThrownBy(c::current)
                    .isInstanceOf(SequenceUnavailableException.class)
                    .hasMessageContaining("no worker id");

            // a's lease is written for 10 s; a itself stops using it at 8 s.
            assertThat(leaseA.validUntilMillis()).isEqualTo(clock.millis() + 8_000);
            clock.advance(Duration.ofSeconds(10)); // a's entry expired, but the margin has not passed
            assertThatThrownBy(c::current).isInstanceOf(SequenceUnavailableException.class);
            clock.advance(Duration.ofSeconds(2)); // expiry + margin: both ids may be taken again
            WorkerLease leaseC = c.current();
            assertThat(leaseC.workerId()).isIn(0, 1);
        }
    }

    private static IgniteWorkerLeases leaser(TestNode node, String owner, Clock clock) {
        return new IgniteWorkerLeases(node.store(), owner, clock, Duration.ofSeconds(10), Duration.ofSeconds(2), 2);
    }
}
