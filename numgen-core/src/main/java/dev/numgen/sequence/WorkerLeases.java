package dev.numgen.sequence;

/** Hands this node a cluster-unique worker id for SNOWFLAKE ids, renewed by heartbeat. */
public interface WorkerLeases {

    /**
     * The lease in force, acquiring or renewing one if needed.
     *
     * @throws SequenceUnavailableException when no worker id can be leased now
     */
    WorkerLease current();
}
