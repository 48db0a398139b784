package dev.numgen.server.provisional;

import dev.numgen.provisional.ProvisionalJournal;
import dev.numgen.provisional.ProvisionalRegistry;
import dev.numgen.provisional.ProvisionalSync;
import dev.numgen.sequence.ClusterStanding;
import dev.numgen.time.DaemonTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the journal sync on a schedule (it does nothing until the node is in the majority) and publishes how many
 * provisional numbers wait: on this node, unsynced; in the cluster, pending resolution.
 */
final class ProvisionalSyncSchedule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProvisionalSyncSchedule.class);

    private final ProvisionalSync sync;
    private final ProvisionalRegistry registry;
    private final ClusterStanding standing;
    private final ScheduledExecutorService timer;
    private volatile long pending;

    public ProvisionalSyncSchedule(
            ProvisionalJournal journal, ProvisionalRegistry registry, ClusterStanding standing, MeterRegistry meters) {
        this.sync = new ProvisionalSync(journal, registry, standing);
        this.registry = registry;
        this.standing = standing;
        this.timer = DaemonTimer.named("numgen-provisional-sync");
        Gauge.builder("numgen.provisional.unsynced", journal, j -> j.unsynced().size())
                .description("Provisional numbers this node issued that the cluster does not hold yet")
                .register(meters);
        Gauge.builder("numgen.provisional.pending", this, schedule -> schedule.pending)
                .description("Provisional numbers in the cluster waiting for a person to confirm or replace them")
                .register(meters);
    }

    /** Counting pending numbers scans the whole queue, so it runs far less often than the sync. */
    static final long COUNT_PENDING_SECONDS = 30;

    public void start(Duration every) {
        timer.scheduleWithFixedDelay(this::sync, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::countPending, 1, COUNT_PENDING_SECONDS, TimeUnit.SECONDS);
    }

    private void sync() {
        try {
            ProvisionalSync.Outcome outcome = sync.syncNow();
            if (outcome.synced() > 0) {
                log.info(
                        "Synced {} provisional number(s) to the cluster, where they wait for resolution; {} left",
                        outcome.synced(),
                        outcome.left());
            }
            if (outcome.failure() != null) {
                log.warn("Provisional numbers not synced yet ({} left): {}", outcome.left(), outcome.failure());
            }
        } catch (RuntimeException e) {
            log.warn("Provisional journal sync failed; will try again", e);
        }
    }

    private void countPending() {
        if (!standing.inMajority()) {
            return;
        }
        try {
            pending = registry.pending();
        } catch (RuntimeException e) {
            log.debug("Provisional numbers not counted: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
