package dev.numgen.client;

import dev.numgen.ignite.cluster.ClusterMajority;
import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.sequence.CounterKey;
import dev.numgen.sequence.SequenceUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.ignite.Ignite;
import org.apache.ignite.events.Event;
import org.apache.ignite.events.EventType;
import org.apache.ignite.lang.IgnitePredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the client node may use the cluster's shared stores now: connected (Ignite's client disconnect and
 * reconnect events, each logged) and seeing an active cluster that holds a majority of its baseline ({@link
 * ClusterMajority}, which counts only the server nodes). Ignite reconnects a client by itself; this only watches.
 */
final class ClusterConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterConnection.class);

    private final Ignite ignite;
    private final IgniteStore store;
    private final String nodeName;
    private final ClusterMajority majority;
    private final Clock clock;
    private final IgnitePredicate<Event> listener = this::onEvent;
    /** Null while connected. */
    private volatile Instant disconnectedSince;

    ClusterConnection(Ignite ignite, IgniteStore store, String nodeName, ClusterMajority majority, Clock clock) {
        this.ignite = ignite;
        this.store = store;
        this.nodeName = nodeName;
        this.majority = majority;
        this.clock = clock;
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
            Instant since = disconnectedSince;
            // Before the gates open: the stores' first use then reopens the caches, outside any transaction.
            store.reopen();
            disconnectedSince = null;
            log.info(
                    "numgen client {} reconnected to the cluster{}",
                    nodeName,
                    since == null ? "" : " after " + Duration.between(since, clock.instant()));
        }
        return true;
    }

    /** Connected and in an active cluster holding a majority of its baseline. */
    boolean usable() {
        return disconnectedSince == null && majority.inMajority();
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

    private String state() {
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
        try {
            ignite.events()
                    .stopLocalListen(
                            listener, EventType.EVT_CLIENT_NODE_DISCONNECTED, EventType.EVT_CLIENT_NODE_RECONNECTED);
        } catch (RuntimeException e) {
            // The node is stopping; its listeners go with it.
        }
    }
}
