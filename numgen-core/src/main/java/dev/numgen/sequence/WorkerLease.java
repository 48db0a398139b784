package dev.numgen.sequence;

/** A worker id this node may use for SNOWFLAKE ids until {@code validUntilMillis} (its own clock). */
public record WorkerLease(int workerId, long validUntilMillis) {}
