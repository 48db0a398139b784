package dev.numgen.client;

import dev.numgen.ignite.cluster.ClusterMajority;
import dev.numgen.ignite.rule.IgniteRuleRegistry;
import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.sequence.CounterKey;
import dev.numgen.sequence.SequenceUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ignite.Ignite;
import org.apache.ignite.events.Event;
import org.apache.ignite.events.EventType;
import org.apache.ignite.lang.IgnitePredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the client node may use the cluster's shared stores now: connected (Ignite's client disconnect and
 * reconnect events, each logged) and seeing an active cluster that holds a majority of its baseline ({@link
 * ClusterMajority}, which counts only the server nodes). Ignite reconnects a client by itself; this watches, and
 * after a reconnect brings the client's view up to date before it counts as connected again: the caches reopened, the
 * rules read anew (changes made while it was away), and the cluster checked to be the one it joined. A cluster with
 * another id (wiped and created again, or restored from an older copy) may issue again the values of the SEGMENT
 * blocks this client still holds, so the client then issues nothing more until it is restarted.
 */
final class ClusterConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterConnection.class);

    private final Ignite ignite;
    private final IgniteStore store;
    private final IgniteRuleRegistry rules;
    private final String nodeName;
    private final ClusterMajority majority;
    private final Clock clock;
    private final IgnitePredicate<Event> listener = this::onEvent;
    /** The cluster the client joined; a reconnect to another one ends its issuing. */
    private final UUID clusterId;
    /** Brings the client up to date after a reconnect, off Ignite's event thread. */
    private final ExecutorService rejoining;
    /** Counts reconnects, so that a catch-up overtaken by a newer disconnect does not declare the client connected. */
    private final AtomicLong reconnects = new AtomicLong();
    /** Null while connected. */
    private volatile Instant disconnectedSince;
    /** The other cluster's id, once the client reconnected to a cluster that is not the one it joined. */
    private volatile UUID replacedBy;

    private volatile boolean closed;

    ClusterConnection(
            Ignite ignite,
            IgniteStore store,
            IgniteRuleRegistry rules,
            String nodeName,
            ClusterMajority majority,
            Clock clock) {
        this.ignite = ignite;
        this.store = store;
        this.rules = rules;
        this.nodeName = nodeName;
        this.majority = majority;
        this.clock = clock;
        this.clusterId = ignite.cluster().id();
        this.rejoining = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "numgen-client-rejoin-" + nodeName);
            thread.setDaemon(true);
            return thread;
        });
        ignite.events()
                .localListen(listener, EventType.EVT_CLIENT_NODE_DISCONNECTED, EventType.EVT_CLIENT_NODE_RECONNECTED);
    }

    private boolean onEvent(Event event) {
        if (event.type() == EventType.EVT_CLIENT_NODE_DISCONNECTED) {
            disconnectedSince = clock.instant();
            log.warn(
                    "numgen client {} is disconnected from the cluster; SEGMENT numbers come from the blocks it"
                            + " holds until they are spent, GAPLESS and SNOWFLAKE stop; it reconnects by itself",
                    nodeName);
        } else if (event.type() == EventType.EVT_CLIENT_NODE_RECONNECTED) {
            long reconnect = reconnects.incrementAndGet();
            // Before the gates open: the stores' first use then reopens the caches, outside any transaction.
            store.reopen();
            rejoining.execute(() -> catchUp(reconnect));
        }
        return true;
    }

    /** After reconnect number {@code reconnect}: the same cluster? then its rules anew, and the gates open. */
    private void catchUp(long reconnect) {
        while (!closed && reconnect == reconnects.get()) {
            try {
                UUID now = ignite.cluster().id();
                if (!clusterId.equals(now)) {
                    replacedBy = now;
                    log.error(
                            "numgen client {} reconnected to ANOTHER cluster (id {}, it joined {}): that cluster may"
                                    + " issue again the SEGMENT values this client holds, so it issues nothing more;"
                                    + " restart the application",
                            nodeName,
                            now,
                            clusterId);
                    return;
                }
                rules.refresh();
                Instant since = disconnectedSince;
                if (reconnect == reconnects.get()) {
                    disconnectedSince = null;
                }
                log.info(
                        "numgen client {} reconnected to the cluster{}",
                        nodeName,
                        since == null ? "" : " after " + Duration.between(since, clock.instant()));
                return;
            } catch (RuntimeException e) {
                log.warn("numgen client {} reconnected but cannot read the rules yet ({}); trying again", nodeName, e);
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Connected and in an active cluster holding a majority of its baseline. */
    boolean usable() {
        return disconnectedSince == null && replacedBy == null && majority.inMajority();
    }

    /** Whether the client reconnected to a cluster other than the one it joined; it then issues nothing more. */
    boolean replaced() {
        return replacedBy != null;
    }

    boolean connected() {
        return disconnectedSince == null;
    }

    /**
     * For the stores' gates: fails at once, as the domain expects of a counter that cannot be served, unless {@link
     * #usable()}.
     */
    void require(CounterKey key) {
        if (!usable()) {
            throw new SequenceUnavailableException(key, state(), null);
        }
    }

    /** What a request that found the cluster unusable is told. */
    ClusterUnavailableException unavailable(RuntimeException cause) {
        return new ClusterUnavailableException(
                "numgen client " + nodeName + " " + state()
                        + "; it served what it held of SEGMENT blocks, issues no provisional numbers, and reconnects"
                        + " by itself",
                cause);
    }

    /** Why {@link NumberClient#start} gave up waiting. */
    ClusterUnavailableException notReady(Duration waited) {
        return new ClusterUnavailableException(
                "numgen client " + nodeName + " joined, but " + state() + " after " + waited
                        + "; a client never activates the cluster or changes its baseline",
                null);
    }

    private String state() {
        UUID other = replacedBy;
        if (other != null) {
            return "reconnected to another cluster (id " + other + ", it joined " + clusterId
                    + ") that may issue again what it holds, so it issues nothing more until it is restarted";
        }
        Instant since = disconnectedSince;
        if (since != null) {
            return "is not connected to the cluster (since " + since + ")";
        }
        ClusterMajority.Standing standing = majority.standing();
        return "sees no active cluster holding a majority of its baseline (active: " + standing.active() + ", "
                + standing.baselinePresent() + " of " + standing.baselineSize() + " baseline nodes present)";
    }

    @Override
    public void close() {
        closed = true;
        rejoining.shutdownNow();
        try {
            ignite.events()
                    .stopLocalListen(
                            listener, EventType.EVT_CLIENT_NODE_DISCONNECTED, EventType.EVT_CLIENT_NODE_RECONNECTED);
        } catch (RuntimeException e) {
            // The node is stopping; its listeners go with it.
        }
    }
}
