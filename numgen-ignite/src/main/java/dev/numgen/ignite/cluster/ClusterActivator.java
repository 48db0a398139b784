package dev.numgen.ignite.cluster;

import dev.numgen.time.DaemonTimer;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Activates a brand-new persistent cluster once the expected number of server nodes has
 * joined. A cluster that already has a baseline is left to Ignite, which re-activates it when
 * the baseline nodes are back; this class never changes an existing baseline.
 */
public final class ClusterActivator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterActivator.class);

    private final Ignite ignite;
    private final int initialBaselineSize;
    private final ScheduledExecutorService timer;

    public ClusterActivator(Ignite ignite, int initialBaselineSize) {
        this.ignite = ignite;
        this.initialBaselineSize = initialBaselineSize;
        this.timer = DaemonTimer.named("numgen-cluster-activator");
    }

    void start() {
        activateIfFresh();
        timer.scheduleWithFixedDelay(this::activateIfFreshQuietly, 500, 500, TimeUnit.MILLISECONDS);
    }

    private void activateIfFreshQuietly() {
        try {
            activateIfFresh();
        } catch (RuntimeException e) {
            log.warn("Cluster activation check failed: {}", e.toString());
        }
    }

    private void activateIfFresh() {
        if (ignite.cluster().state() != ClusterState.INACTIVE) {
            keepBaselineFixed();
            return;
        }
        if (ignite.cluster().currentBaselineTopology() != null) {
            return;
        }
        int servers = ignite.cluster().forServers().nodes().size();
        boolean oldest = ignite.cluster().forServers().forOldest().node().isLocal();
        if (servers >= initialBaselineSize && oldest) {
            log.info("Activating new cluster with {} server node(s) as its baseline", servers);
            ignite.cluster().state(ClusterState.ACTIVE);
            keepBaselineFixed();
        }
    }

    /**
     * Baseline auto-adjustment would let the minority side of a partition shrink the baseline to itself and call that
     * a majority; the baseline changes only by an operator's decision.
     */
    private void keepBaselineFixed() {
        if (ignite.cluster().isBaselineAutoAdjustEnabled()) {
            log.info("Turning baseline auto-adjustment off: the baseline changes only by an operator's decision");
            ignite.cluster().baselineAutoAdjustEnabled(false);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
