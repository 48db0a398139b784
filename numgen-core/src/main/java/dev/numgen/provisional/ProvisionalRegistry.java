package dev.numgen.provisional;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The cluster's record of provisional numbers synced from the nodes' journals. */
public interface ProvisionalRegistry {

    /**
     * Records the entries as PENDING; an entry the cluster already holds is left as it is, so a sync may be repeated
     * any number of times without losing or doubling anything.
     *
     * @throws ProvisionalStoreUnavailableException when the cluster cannot take them now
     */
    void record(List<ProvisionalNumber> entries);

    Optional<ProvisionalRecord> find(String number) throws ProvisionalStoreUnavailableException;

    /** Records matching the filters (null: any), oldest first, at most {@code limit}. */
    List<ProvisionalRecord> list(String prefixKey, ProvisionalStatus status, int limit)
            throws ProvisionalStoreUnavailableException;

    /** How many are PENDING. */
    long pending();

    /**
     * Applies {@code change} to the record of {@code number} atomically (nothing else changes it meanwhile) and stores
     * what it returns.
     *
     * @return the stored record, or empty when the cluster holds no such number
     */
    Optional<ProvisionalRecord> update(String number, UnaryOperator<ProvisionalRecord> change);
}
