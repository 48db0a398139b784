package dev.numgen.ignite.cluster;

import dev.numgen.sequence.ClusterStanding;
import dev.numgen.time.DaemonTimer;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.BaselineNode;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.cluster.ClusterState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's standing in the cluster, read every {@link #POLL_MILLIS} ms so that a request only reads a volatile
 * field: in the majority (an active cluster holding a strict majority of the baseline, this node among them, or a client node seeing them) or not.
 * The caches enforce the same rule on their own ({@link MajorityTopologyValidator}); this view lets the issuer switch
 * to provisional numbers before it tries a write that must fail, and drives readiness and liveness.
 */
public final class ClusterMajority implements ClusterStanding, AutoCloseable {

    static final long POLL_MILLIS = 200;
    private static final Logger log = LoggerFactory.getLogger(ClusterMajority.class);

    /** What the last poll saw. */
    public record Standing(
            boolean nodeRunning, boolean active, int serverNodes, int baselineSize, int baselinePresent) {

        static final Standing STOPPED = new Standing(false, false, 0, 0, 0);

        public boolean inMajority() {
            return nodeRunning && active && MajorityTopologyValidator.isMajority(baselinePresent, baselineSize);
        }
    }

    private final Ignite ignite;
    private final Duration cutOffLimit;
    private final LongSupplier nanoTime;
    private final ScheduledExecutorService timer;

    private volatile Standing standing = Standing.STOPPED;
    /** {@code standing.inMajority()}, worked out once per poll rather than on every issue. */
    private volatile boolean inMajority;
    /** Since when this node has been out of the majority; meaningful only while it is. */
    private volatile long outOfMajoritySince;

    public ClusterMajority(Ignite ignite, Duration cutOffLimit) {
        this(ignite, cutOffLimit, System::nanoTime);
    }

    ClusterMajority(Ignite ignite, Duration cutOffLimit, LongSupplier nanoTime) {
        this.ignite = ignite;
        this.cutOffLimit = cutOffLimit;
        this.nanoTime = nanoTime;
        this.timer = DaemonTimer.named("numgen-cluster-majority");
    }

    public void start() {
        outOfMajoritySince = nanoTime.getAsLong();
        refresh();
        timer.scheduleWithFixedDelay(this::refresh, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean inMajority() {
        return inMajority;
    }

    public Standing standing() {
        return standing;
    }

    /**
     * True once this node has been out of the majority (or its Ignite node stopped, as Ignite does to a node it finds
     * segmented) for longer than the configured limit, counted from its start: only a restart brings it back, since
     * Ignite does not merge the two sides of a healed partition, and a node that formed a cluster of its own while
     * isolated would wait forever. Liveness fails, so Kubernetes or bin/cluster restarts it and it rejoins.
     */
    public boolean cutOff() {
        return !inMajority && nanoTime.getAsLong() - outOfMajoritySince > cutOffLimit.toNanos();
    }

    void refresh() {
        Standing next;
        try {
            next = read();
        } catch (RuntimeException e) {
            // A stopped or stopping node throws IllegalStateException from cluster().
            next = Standing.STOPPED;
        }
        boolean wasInMajority = inMajority;
        boolean nowInMajority = next.inMajority();
        if (wasInMajority && !nowInMajority) {
            outOfMajoritySince = nanoTime.getAsLong();
        }
        standing = next;
        inMajority = nowInMajority;
        if (wasInMajority != nowInMajority) {
            if (nowInMajority) {
                log.info(
                        "In the majority: {} of {} baseline node(s) present",
                        next.baselinePresent(),
                        next.baselineSize());
            } else {
                log.warn(
                        "Out of the majority: {} of {} baseline node(s) present, cluster active: {}; regular numbers stop",
                        next.baselinePresent(),
                        next.baselineSize(),
                        next.active());
            }
        }
    }

    private Standing read() {
        boolean active = ignite.cluster().state() == ClusterState.ACTIVE;
        Collection<ClusterNode> servers = ignite.cluster().forServers().nodes();
        Collection<BaselineNode> baseline = ignite.cluster().currentBaselineTopology();
        if (baseline == null) {
            return new Standing(true, active, servers.size(), 0, 0);
        }
        Set<Object> members = MajorityTopologyValidator.members(baseline);
        ClusterNode self = ignite.cluster().localNode();
        int present = MajorityTopologyValidator.present(servers, members);
        // A server outside the baseline (joined, not yet added) holds no data of its own and is never in the majority.
        // A client node is never in the baseline and holds no data: it stands with the servers it sees.
        int counted = self.isClient() || members.contains(self.consistentId()) ? present : 0;
        return new Standing(true, active, servers.size(), members.size(), counted);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
