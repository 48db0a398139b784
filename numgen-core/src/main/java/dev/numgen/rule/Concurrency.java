package dev.numgen.rule;

/** How a GAPLESS counter is updated when several requests want the next value at once. */
public enum Concurrency {
    /** Lock the counter entry, then read and write it (a row lock). */
    PESSIMISTIC,
    /** Read and write without locking; commit fails on a conflict and is retried with backoff. */
    OPTIMISTIC
}
