package dev.numgen.provisional;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ProvisionalSyncTest {

    /** Keeps the first copy of each number, like the cluster cache; can fail after a number of batches. */
    static final class RecordingRegistry implements ProvisionalRegistry {
        final Map<String, ProvisionalRecord> held = new TreeMap<>();
        final List<Integer> batches = new ArrayList<>();
        int failAfterBatches = Integer.MAX_VALUE;

        @Override
        public void record(List<ProvisionalNumber> entries) {
            if (batches.size() >= failAfterBatches) {
                throw new ProvisionalStoreUnavailableException("cluster gone (test)", null);
            }
            batches.add(entries.size());
            entries.forEach(entry -> held.putIfAbsent(entry.number(), ProvisionalRecord.pending(entry)));
        }

        @Override
        public Optional<ProvisionalRecord> find(String number) {
            return Optional.ofNullable(held.get(number));
        }

        @Override
        public List<ProvisionalRecord> list(String prefixKey, ProvisionalStatus status, int limit) {
            return List.copyOf(held.values());
        }

        @Override
        public long pending() {
            return held.size();
        }

        @Override
        public Optional<ProvisionalRecord> update(String number, UnaryOperator<ProvisionalRecord> change) {
            return Optional.ofNullable(held.computeIfPresent(number, (key, record) -> change.apply(record)));
        }
    }

    private final InMemoryProvisionalJournal journal = new InMemoryProvisionalJournal();
    private final RecordingRegistry registry = new RecordingRegistry();
    private final AtomicBoolean majority = new AtomicBoolean(false);
    private final ProvisionalSync sync = new ProvisionalSync(journal, registry, majority::get);

    private void issue(long from, long to) {
        journal.append(LongStream.rangeClosed(from, to)
                .mapToObj(value -> new ProvisionalNumber(
                        "N" + ProvisionalSlot.of("n1", value), "ORDER", 1, Map.of(), value, "n1", value))
                .toList());
    }

    @Test
    void nothingIsSyncedOutsideTheMajorityAndEverythingOnceBackInBatches() {
        issue(1, 1_200);
        assertThat(sync.syncNow().synced()).isZero();
        assertThat(registry.held).isEmpty();

        majority.set(true);
        assertThat(sync.syncNow()).isEqualTo(new ProvisionalSync.Outcome(1_200, 0, null));
        assertThat(registry.batches).containsExactly(ProvisionalSync.BATCH, ProvisionalSync.BATCH, 200);
        assertThat(registry.held).hasSize(1_200);
        assertThat(journal.unsynced()).isEmpty();
        assertThat(sync.syncNow().synced()).isZero();
    }

    @Test
    void aSyncCutShortIsCompletedLaterWithoutLossOrDoubles() {
        issue(1, 1_200);
        majority.set(true);
        registry.failAfterBatches = 1;
        assertThat(sync.syncNow())
                .isEqualTo(new ProvisionalSync.Outcome(ProvisionalSync.BATCH, 700, "cluster gone (test)"));
        assertThat(journal.unsynced()).hasSize(700);

        registry.failAfterBatches = Integer.MAX_VALUE;
        // A node that died after the cluster took a batch but before marking it sends it again: harmless.
        registry.record(journal.unsynced().subList(0, 100));
        assertThat(sync.syncNow().synced()).isEqualTo(700);
        assertThat(registry.held).hasSize(1_200);
        assertThat(registry.held.values()).allMatch(record -> record.status() == ProvisionalStatus.PENDING);
    }
}
