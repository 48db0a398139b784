package dev.numgen.ignite.issue;

import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.ignite.store.StoreUnavailableException;
import dev.numgen.issue.IssuanceRegister;
import dev.numgen.issue.RegisterRecord;
import dev.numgen.rule.RuleStoreUnavailableException;
import dev.numgen.sequence.CounterKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.configuration.CacheConfiguration;

/**
 * The issuance register in two REPLICATED, TRANSACTIONAL, FULL_SYNC caches: each counter's records numbered 1, 2, 3...
 * in commit order (so in value order), and per counter how many it has. A record is written in the take's transaction
 * after the counter is locked, so the count of a counter is only ever raised by the transaction that holds its
 * counter. A read finds the record holding a value by binary search over the numbering.
 */
public final class IgniteIssuanceRegister implements IssuanceRegister {

    static final CacheConfiguration<String, StoredRecord> RECORDS =
            IgniteStore.replicatedTransactional("numgen-register");
    static final CacheConfiguration<String, Long> COUNTS =
            IgniteStore.replicatedTransactional("numgen-register-counts");

    /** Cannot occur in a counter id (prefix keys and variable values are number text, buckets digits). */
    private static final char ORDINAL_SEPARATOR = '\u0001';

    private final IgniteStore store;
    private final Clock clock;
    /** This node's consistent id, read once: every record of this node names it. */
    private final String node;

    public IgniteIssuanceRegister(IgniteStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.node = store.nodeName();
        store.declare(RECORDS);
        store.declare(COUNTS);
    }

    /** Inside the take's transaction: no translation here, a failure fails the take. */
    @Override
    public void record(
            CounterKey counter, long first, long step, List<String> numbers, String subject, String idempotencyKey) {
        IgniteCache<String, Long> counts = store.cache(COUNTS);
        Long held = counts.get(counter.id());
        long ordinal = held == null ? 1 : held + 1;
        StoredRecord record = new StoredRecord();
        record.first = first;
        record.step = step;
        record.numbers = new ArrayList<>(numbers);
        record.subject = subject;
        record.idempotencyKey = idempotencyKey;
        record.node = node;
        record.committedAtMillis = clock.millis();
        store.cache(RECORDS).put(id(counter, ordinal), record);
        counts.put(counter.id(), ordinal);
    }

    @Override
    public List<RegisterRecord> records(CounterKey counter, long from, int limit) {
        return translated(() -> {
            Long count = store.cache(COUNTS).get(counter.id());
            if (count == null) {
                return List.of();
            }
            IgniteCache<String, StoredRecord> records = store.cache(RECORDS);
            long start = lastStartingAtOrBefore(records, counter, from, count);
            TreeSet<String> ids = new TreeSet<>();
            for (long ordinal = start; ordinal <= count && ordinal < start + limit; ordinal++) {
                ids.add(id(counter, ordinal));
            }
            Map<String, StoredRecord> read = records.getAll(ids);
            List<RegisterRecord> found = new ArrayList<>(read.size());
            for (long ordinal = start; ordinal <= count && ordinal < start + limit; ordinal++) {
                StoredRecord record = read.get(id(counter, ordinal));
                if (record != null) {
                    found.add(record.toRecord(counter));
                }
            }
            return found;
        });
    }

    /** The ordinal of the last record whose first value is at most {@code from}, or 1 when none is. */
    private static long lastStartingAtOrBefore(
            IgniteCache<String, StoredRecord> records, CounterKey counter, long from, long count) {
        long low = 1;
        long high = count;
        long found = 1;
        while (low <= high) {
            long middle = (low + high) >>> 1;
            StoredRecord record = records.get(id(counter, middle));
            if (record != null && record.first <= from) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    @Override
    public List<CounterKey> counters(String prefixKey) {
        return translated(() -> {
            String qualified = prefixKey + '\u0000';
            List<CounterKey> counters = new ArrayList<>();
            try (var cursor = store.cache(COUNTS)
                    .query(new ScanQuery<String, Long>(
                            (id, count) -> id.equals(prefixKey) || id.startsWith(qualified)))) {
                cursor.forEach(entry -> counters.add(counterOf(prefixKey, entry.getKey())));
            }
            counters.sort((a, b) -> a.id().compareTo(b.id()));
            return counters;
        });
    }

    private static CounterKey counterOf(String prefixKey, String id) {
        return new CounterKey(prefixKey, id.length() == prefixKey.length() ? "" : id.substring(prefixKey.length() + 1));
    }

    private static String id(CounterKey counter, long ordinal) {
        return counter.id() + ORDINAL_SEPARATOR + ordinal;
    }

    private <T> T translated(Supplier<T> work) {
        try {
            return store.call(work);
        } catch (StoreUnavailableException e) {
            throw new RuleStoreUnavailableException("the issuance register is unavailable: " + e.getMessage(), e);
        }
    }

    /** One record in the cluster. */
    static final class StoredRecord {
        long first;
        long step;
        ArrayList<String> numbers;
        String subject;
        String idempotencyKey;
        String node;
        long committedAtMillis;

        RegisterRecord toRecord(CounterKey counter) {
            return new RegisterRecord(
                    counter,
                    first,
                    step,
                    numbers,
                    subject,
                    idempotencyKey,
                    node,
                    Instant.ofEpochMilli(committedAtMillis));
        }
    }
}
