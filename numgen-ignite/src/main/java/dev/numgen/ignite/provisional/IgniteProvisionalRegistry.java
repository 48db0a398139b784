package dev.numgen.ignite.provisional;

import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.ignite.store.StoreUnavailableException;
import dev.numgen.provisional.ProvisionalNumber;
import dev.numgen.provisional.ProvisionalRecord;
import dev.numgen.provisional.ProvisionalRegistry;
import dev.numgen.provisional.ProvisionalStatus;
import dev.numgen.provisional.ProvisionalStoreUnavailableException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.configuration.CacheConfiguration;

/**
 * Provisional numbers in a REPLICATED, TRANSACTIONAL, FULL_SYNC cache keyed by the number (unique across rules: the
 * slot carries the node tag and that node's value). Like every numgen cache it takes writes only in the majority.
 */
public final class IgniteProvisionalRegistry implements ProvisionalRegistry {

    static final CacheConfiguration<String, StoredProvisional> PROVISIONAL =
            IgniteStore.replicatedTransactional("numgen-provisional");

    private final IgniteStore store;

    public IgniteProvisionalRegistry(IgniteStore store) {
        this.store = store;
        store.declare(PROVISIONAL);
    }

    @Override
    public void record(List<ProvisionalNumber> entries) {
        Map<String, StoredProvisional> batch = new LinkedHashMap<>();
        entries.forEach(entry -> batch.put(entry.number(), StoredProvisional.of(ProvisionalRecord.pending(entry))));
        translated(() -> {
            IgniteCache<String, StoredProvisional> cache = store.cache(PROVISIONAL);
            return store.inTransaction(() -> {
                // Sorted keys: two nodes syncing at once lock in the same order.
                Map<String, StoredProvisional> held = cache.getAll(new TreeSet<>(batch.keySet()));
                Map<String, StoredProvisional> missing = new TreeMap<>();
                batch.forEach((number, stored) -> {
                    if (!held.containsKey(number)) {
                        missing.put(number, stored);
                    }
                });
                cache.putAll(missing);
                return null;
            });
        });
    }

    @Override
    public Optional<ProvisionalRecord> find(String number) {
        return translated(
                () -> Optional.ofNullable(store.cache(PROVISIONAL).get(number)).map(StoredProvisional::toRecord));
    }

    @Override
    public List<ProvisionalRecord> list(String prefixKey, ProvisionalStatus status, int limit) {
        String statusName = status == null ? null : status.name();
        return translated(() -> {
            List<ProvisionalRecord> records = new ArrayList<>();
            try (var cursor = store.cache(PROVISIONAL)
                    .query(new ScanQuery<String, StoredProvisional>(
                            (number, stored) -> (prefixKey == null || prefixKey.equals(stored.prefixKey))
                                    && (statusName == null || statusName.equals(stored.status))))) {
                cursor.forEach(entry -> records.add(entry.getValue().toRecord()));
            }
            records.sort(Comparator.comparingLong(
                            (ProvisionalRecord record) -> record.issued().issuedAt())
                    .thenComparing(record -> record.issued().number()));
            return records.size() > limit ? List.copyOf(records.subList(0, limit)) : records;
        });
    }

    @Override
    public long pending() {
        String pending = ProvisionalStatus.PENDING.name();
        return translated(() -> {
            long count = 0;
            try (var cursor = store.cache(PROVISIONAL)
                    .query(new ScanQuery<String, StoredProvisional>(
                            (number, stored) -> pending.equals(stored.status)))) {
                for (var ignored : cursor) {
                    count++;
                }
            }
            return count;
        });
    }

    @Override
    public Optional<ProvisionalRecord> update(String number, UnaryOperator<ProvisionalRecord> change) {
        return translated(() -> {
            IgniteCache<String, StoredProvisional> cache = store.cache(PROVISIONAL);
            return store.inTransaction(() -> {
                StoredProvisional current = cache.get(number);
                if (current == null) {
                    return Optional.<ProvisionalRecord>empty();
                }
                ProvisionalRecord changed = change.apply(current.toRecord());
                cache.put(number, StoredProvisional.of(changed));
                return Optional.of(changed);
            });
        });
    }

    private static <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (StoreUnavailableException e) {
            throw new ProvisionalStoreUnavailableException(
                    "provisional numbers cannot be reached in the cluster: " + e.getMessage(), e);
        }
    }

    /** One provisional number in the cluster. */
    static final class StoredProvisional {
        String number;
        String prefixKey;
        long ruleVersion;
        HashMap<String, String> variables;
        long issuedAt;
        String node;
        long value;
        String status;
        String replacement;
        String resolvedBy;
        long resolvedAt;
        String note;

        static StoredProvisional of(ProvisionalRecord record) {
            ProvisionalNumber issued = record.issued();
            StoredProvisional stored = new StoredProvisional();
            stored.number = issued.number();
            stored.prefixKey = issued.prefixKey();
            stored.ruleVersion = issued.ruleVersion();
            stored.variables = new HashMap<>(issued.variables());
            stored.issuedAt = issued.issuedAt();
            stored.node = issued.node();
            stored.value = issued.value();
            stored.status = record.status().name();
            stored.replacement = record.replacement();
            stored.resolvedBy = record.resolvedBy();
            stored.resolvedAt = record.resolvedAt();
            stored.note = record.note();
            return stored;
        }

        ProvisionalRecord toRecord() {
            ProvisionalNumber issued = new ProvisionalNumber(
                    number, prefixKey, ruleVersion, variables == null ? Map.of() : variables, issuedAt, node, value);
            return new ProvisionalRecord(
                    issued, ProvisionalStatus.valueOf(status), replacement, resolvedBy, resolvedAt, note);
        }
    }
}
