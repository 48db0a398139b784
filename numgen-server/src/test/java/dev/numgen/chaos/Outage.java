package dev.numgen.chaos;

import java.time.Duration;

/** A node's kill and the time until every node was ready again: the requests that may fail meanwhile. */
record Outage(int node, long killedAt, long readyAt) {

    /** After every node is ready again, the cluster may still be settling (rebalancing, rejoining) this long. */
    static final Duration SETTLE = Duration.ofSeconds(15);

    /**
     * Whether this outage explains a request that got no numbers: one that was in flight at some time between the
     * kill and {@link #SETTLE} after the nodes were ready. A request is judged by when it was sent, since one sent
     * near the end of the window gives up only {@link ClusterHarness#REQUEST_TIMEOUT} later.
     */
    boolean explains(IssuedLedger.Failure failure) {
        return failure.answeredAt() >= killedAt && failure.sentAt() <= readyAt + SETTLE.toMillis();
    }
}
