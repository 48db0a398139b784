package dev.numgen.provisional;

import java.util.List;

/**
 * This node's durable record of the provisional numbers it issued, written before a number is returned. Entries are
 * kept in issue order; the ones not yet known to the cluster are the unsynced tail.
 */
public interface ProvisionalJournal {

    /** The highest local-clock value in the journal, or 0 when it is empty. */
    long highestValue();

    /**
     * Appends the entries and forces them to disk before returning.
     *
     * @throws java.io.UncheckedIOException when they cannot be made durable; then none may be handed out
     */
    void append(List<ProvisionalNumber> entries);

    /** The entries the cluster has not confirmed receiving, in issue order. */
    List<ProvisionalNumber> unsynced();

    /** Records that the first {@code count} entries of {@link #unsynced()} are now held by the cluster. */
    void markSynced(int count);
}
