package dev.numgen.provisional;

import dev.numgen.sequence.ClusterStanding;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies this node's unsynced journal entries to the cluster once the node is back in the majority, in batches, each
 * recorded as synced only after the cluster holds it. The cluster keeps the first copy of a number, so a batch sent
 * twice (the node died between the two steps) is harmless: nothing is lost or doubled.
 */
public final class ProvisionalSync {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(ProvisionalSync.class);

    private final ProvisionalJournal journal;
    private final ProvisionalRegistry registry;
    private final ClusterStanding standing;

    public ProvisionalSync(ProvisionalJournal journal, ProvisionalRegistry registry, ClusterStanding standing) {
        this.journal = journal;
        this.registry = registry;
        this.standing = standing;
    }

    /** Syncs what it can now; returns how many entries the cluster took. Safe to call at any time. */
    public synchronized int syncNow() {
        if (!standing.inMajority()) {
            return 0;
        }
        List<ProvisionalNumber> unsynced = journal.unsynced();
        int synced = 0;
        try {
            while (synced < unsynced.size()) {
                List<ProvisionalNumber> batch = unsynced.subList(synced, Math.min(unsynced.size(), synced + BATCH));
                registry.record(batch);
                journal.markSynced(batch.size());
                synced += batch.size();
            }
        } catch (ProvisionalStoreUnavailableException e) {
            log.warn("Provisional numbers not synced yet ({} of {} done): {}", synced, unsynced.size(), e.getMessage());
        }
        if (synced > 0) {
            log.info("Synced {} provisional number(s) to the cluster; they wait for resolution", synced);
        }
        return synced;
    }
}
