package dev.numgen.sequence;

/** Whether this node may use the cluster's shared counters now. */
public interface ClusterStanding {

    /**
     * True while this node is in an active cluster that holds a strict majority of the baseline. A node outside such a
     * cluster (a minority partition, a cluster waiting for its baseline) never issues a regular number.
     */
    boolean inMajority();
}
