package dev.numgen.provisional;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ProvisionalSyncTest {

    /** The in-memory registry, counting the batches it takes; it can fail after a number of them. */
    static final class RecordingRegistry implements ProvisionalRegistry {
        final InMemoryProvisionalRegistry cluster = new InMemoryProvisionalRegistry();
        final List<Integer> batches = new ArrayList<>();
        int failAfterBatches = Integer.MAX_VALUE;

        @Override
        public void record(List<ProvisionalNumber> entries) {
            if (batches.size() >= failAfterBatches) {
                throw new ProvisionalStoreUnavailableException("cluster gone (test)", null);
            }
            batches.add(entries.size());
            cluster.record(entries);
        }

        List<ProvisionalRecord> held() {
            return cluster.list(null, null, Integer.MAX_VALUE);
        }

        @Override
        public Optional<ProvisionalRecord> find(String number) {
            return cluster.find(number);
        }

        @Override
        public List<ProvisionalRecord> list(String prefixKey, ProvisionalStatus status, int limit) {
            return cluster.list(prefixKey, status, limit);
        }

        @Override
        public long pending() {
            return cluster.pending();
        }

        @Override
        public Optional<ProvisionalRecord> update(String number, UnaryOperator<ProvisionalRecord> change) {
            return cluster.update(number, change);
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
        assertThat(registry.held()).isEmpty();

        majority.set(true);
        assertThat(sync.syncNow()).isEqualTo(new ProvisionalSync.Outcome(1_200, 0, null));
        assertThat(registry.batches).containsExactly(ProvisionalSync.BATCH, ProvisionalSync.BATCH, 200);
        assertThat(registry.held()).hasSize(1_200);
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
        assertThat(registry.held()).hasSize(1_200);
        assertThat(registry.held()).allMatch(record -> record.status() == ProvisionalStatus.PENDING);
    }
}
