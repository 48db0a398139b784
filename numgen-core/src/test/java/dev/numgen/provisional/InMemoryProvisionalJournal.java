package dev.numgen.provisional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A journal in memory, for tests of what uses one; it can be told to fail its writes. */
public final class InMemoryProvisionalJournal implements ProvisionalJournal {

    private final List<ProvisionalNumber> entries = new ArrayList<>();
    private int synced;
    private boolean failing;

    @Override
    public synchronized long highestValue() {
        return entries.stream().mapToLong(ProvisionalNumber::value).max().orElse(0);
    }

    @Override
    public synchronized void append(List<ProvisionalNumber> added) {
        if (failing) {
            throw new UncheckedIOException(new IOException("disk full (test)"));
        }
        entries.addAll(added);
    }

    @Override
    public synchronized List<ProvisionalNumber> unsynced() {
        return List.copyOf(entries.subList(synced, entries.size()));
    }

    @Override
    public synchronized void markSynced(int count) {
        if (count < 0 || synced + count > entries.size()) {
            throw new IllegalArgumentException(
                    "only " + (entries.size() - synced) + " entries are unsynced, not " + count);
        }
        synced += count;
    }

    public synchronized List<ProvisionalNumber> all() {
        return new ArrayList<>(entries);
    }

    public synchronized void failWrites(boolean fail) {
        this.failing = fail;
    }
}
