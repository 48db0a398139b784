package dev.numgen.issue;

import dev.numgen.sequence.CounterKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fake {@link IssuanceRegister}: one process, records in lists. Writes happen as they are made; the take that makes
 * them (see the in-memory GaplessStore) serves its claims before it moves the counter, so a claim that fails leaves no
 * counter movement behind, but what earlier claims of the take recorded stays.
 */
public final class InMemoryIssuanceRegister implements IssuanceRegister {

    private final String node;
    private final Clock clock;
    private final Map<String, CounterRecords> counters = new TreeMap<>();

    public InMemoryIssuanceRegister() {
        this("in-memory", Clock.systemUTC());
    }

    public InMemoryIssuanceRegister(String node, Clock clock) {
        this.node = node;
        this.clock = clock;
    }

    private record CounterRecords(CounterKey key, List<RegisterRecord> records) {}

    @Override
    public synchronized void record(
            CounterKey counter, long first, long step, List<String> numbers, String subject, String idempotencyKey) {
        counters.computeIfAbsent(counter.id(), id -> new CounterRecords(counter, new ArrayList<>()))
                .records()
                .add(new RegisterRecord(counter, first, step, numbers, subject, idempotencyKey, node, clock.instant()));
    }

    @Override
    public synchronized List<RegisterRecord> records(CounterKey counter, long from, int limit) {
        CounterRecords held = counters.get(counter.id());
        if (held == null) {
            return List.of();
        }
        List<RegisterRecord> records = held.records();
        int start = 0;
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).first() <= from) {
                start = i;
            }
        }
        return List.copyOf(records.subList(start, Math.min(records.size(), start + limit)));
    }

    @Override
    public synchronized List<CounterKey> counters(String prefixKey) {
        return counters.values().stream()
                .map(CounterRecords::key)
                .filter(key -> key.prefixKey().equals(prefixKey))
                .toList();
    }

    /** Every record of the counter, in value order. */
    public synchronized List<RegisterRecord> all(CounterKey counter) {
        CounterRecords held = counters.get(counter.id());
        return held == null ? List.of() : List.copyOf(held.records());
    }
}
