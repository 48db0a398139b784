package dev.numgen.provisional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A fake {@link ProvisionalRegistry}: one process, a lock instead of a transaction. Like the cluster's registry it
 * keeps the first copy of each number and lists oldest first.
 */
public final class InMemoryProvisionalRegistry implements ProvisionalRegistry {

    private static final Comparator<ProvisionalRecord> OLDEST_FIRST = Comparator.comparingLong(
                    (ProvisionalRecord record) -> record.issued().issuedAt())
            .thenComparing(record -> record.issued().number());

    private final Map<String, ProvisionalRecord> records = new HashMap<>();

    @Override
    public synchronized void record(List<ProvisionalNumber> entries) {
        entries.forEach(entry -> records.putIfAbsent(entry.number(), ProvisionalRecord.pending(entry)));
    }

    @Override
    public synchronized Optional<ProvisionalRecord> find(String number) {
        return Optional.ofNullable(records.get(number));
    }

    @Override
    public synchronized List<ProvisionalRecord> list(String prefixKey, ProvisionalStatus status, int limit) {
        List<ProvisionalRecord> matching = new ArrayList<>();
        for (ProvisionalRecord record : records.values()) {
            if ((prefixKey == null || prefixKey.equals(record.issued().prefixKey()))
                    && (status == null || status == record.status())) {
                matching.add(record);
            }
        }
        matching.sort(OLDEST_FIRST);
        return List.copyOf(matching.subList(0, Math.min(limit, matching.size())));
    }

    @Override
    public synchronized long pending() {
        return records.values().stream()
                .filter(record -> record.status() == ProvisionalStatus.PENDING)
                .count();
    }

    @Override
    public synchronized Optional<ProvisionalRecord> update(String number, UnaryOperator<ProvisionalRecord> change) {
        return Optional.ofNullable(records.computeIfPresent(number, (key, record) -> change.apply(record)));
    }
}
