package dev.numgen.provisional;

import dev.numgen.sequence.ClusterStanding;
import java.util.List;

/**
 * Copies this node's unsynced journal entries to the cluster once the node is back in the majority, in batches, each
 * recorded as synced only after the cluster holds it. The cluster keeps the first copy of a number, so a batch sent
 * twice (the node died between the two steps) is harmless: nothing is lost or doubled.
 */
public final class ProvisionalSync {

    static final int BATCH = 500;

    /**
     * What one sync did.
     *
     * @param synced entries the cluster took
     * @param left entries still unsynced
     * @param failure why it stopped early, or null
     */
    public record Outcome(int synced, int left, String failure) {}

    private final ProvisionalJournal journal;
    private final ProvisionalRegistry registry;
    private final ClusterStanding standing;

    public ProvisionalSync(ProvisionalJournal journal, ProvisionalRegistry registry, ClusterStanding standing) {
        this.journal = journal;
        this.registry = registry;
        this.standing = standing;
    }

    /** Syncs what it can now. Safe to call at any time. */
    public synchronized Outcome syncNow() {
        List<ProvisionalNumber> unsynced = journal.unsynced();
        if (!standing.inMajority()) {
            return new Outcome(0, unsynced.size(), null);
        }
        int synced = 0;
        try {
            while (synced < unsynced.size()) {
                List<ProvisionalNumber> batch = unsynced.subList(synced, Math.min(unsynced.size(), synced + BATCH));
                registry.record(batch);
                journal.markSynced(batch.size());
                synced += batch.size();
            }
            return new Outcome(synced, 0, null);
        } catch (ProvisionalStoreUnavailableException e) {
            return new Outcome(synced, unsynced.size() - synced, e.getMessage());
        }
    }
}
