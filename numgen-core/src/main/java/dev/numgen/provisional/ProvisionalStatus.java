package dev.numgen.provisional;

/** Where a provisional number stands once the cluster knows it. */
public enum ProvisionalStatus {
    /** Waiting for a person to confirm or replace it. */
    PENDING,
    /** Accepted as issued; it stays the business number. */
    CONFIRMED,
    /** Replaced by a regular number, which the caller should use instead. */
    REPLACED
}
