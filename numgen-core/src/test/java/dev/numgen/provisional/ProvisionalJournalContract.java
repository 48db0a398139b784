package dev.numgen.provisional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.testing.Await;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProvisionalJournal} promises while it is open: entries come back whole and in issue order, the
 * synced ones leave the unsynced tail but still count for the highest value, and the synced position moves only over
 * entries it holds. The in-memory fake and the file journal both extend it (the file's survival of a restart is its
 * own test).
 */
public abstract class ProvisionalJournalContract {

    /** A journal that holds nothing yet. */
    protected abstract ProvisionalJournal emptyJournal();

    protected static ProvisionalNumber entry(long value) {
        return new ProvisionalNumber(
                "ORD-" + ProvisionalSlot.of("node-1", value),
                "ORDER",
                3,
                Map.of("region", "EU-1", "desk", "7"),
                1_000 + value,
                "node-1",
                value);
    }

    private static List<ProvisionalNumber> entries(long from, long to) {
        return LongStream.rangeClosed(from, to)
                .mapToObj(ProvisionalJournalContract::entry)
                .toList();
    }

    @Test
    void anEmptyJournalHoldsNothing() {
        ProvisionalJournal journal = emptyJournal();
        assertThat(journal.highestValue()).isZero();
        assertThat(journal.unsynced()).isEmpty();
    }

    @Test
    void appendedEntriesComeBackWholeInIssueOrder() {
        ProvisionalJournal journal = emptyJournal();
        journal.append(List.of(entry(10), entry(11)));
        journal.append(List.of());
        journal.append(List.of(entry(12)));
        assertThat(journal.unsynced()).containsExactly(entry(10), entry(11), entry(12));
        assertThat(journal.highestValue()).isEqualTo(12);
    }

    @Test
    void syncedEntriesLeaveTheTailButStillCountForTheHighestValue() {
        ProvisionalJournal journal = emptyJournal();
        journal.append(entries(1, 3));
        journal.markSynced(0);
        assertThat(journal.unsynced()).containsExactly(entry(1), entry(2), entry(3));
        journal.markSynced(2);
        assertThat(journal.unsynced()).containsExactly(entry(3));
        journal.markSynced(1);
        assertThat(journal.unsynced()).isEmpty();
        assertThat(journal.highestValue()).isEqualTo(3);
        journal.append(List.of(entry(4)));
        assertThat(journal.unsynced()).containsExactly(entry(4));
    }

    @Test
    void theSyncedPositionMovesOnlyOverEntriesItHolds() {
        ProvisionalJournal journal = emptyJournal();
        journal.append(entries(1, 2));
        assertThatThrownBy(() -> journal.markSynced(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> journal.markSynced(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(journal.unsynced()).containsExactly(entry(1), entry(2));
    }

    @Test
    void theUnsyncedTailIsACopyThatLaterAppendsLeaveAlone() {
        ProvisionalJournal journal = emptyJournal();
        journal.append(entries(1, 2));
        List<ProvisionalNumber> tail = journal.unsynced();
        journal.append(List.of(entry(3)));
        journal.markSynced(1);
        assertThat(tail).containsExactly(entry(1), entry(2));
    }

    @Test
    void concurrentAppendsLoseNothingAndKeepEachBatchTogether() throws Exception {
        ProvisionalJournal journal = emptyJournal();
        int threads = 4;
        int batches = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long base = t * 1_000L;
                work.add(pool.submit(() -> {
                    for (int b = 0; b < batches; b++) {
                        long first = base + b * 3L + 1;
                        journal.append(entries(first, first + 2));
                    }
                }));
            }
            for (Future<?> future : work) {
                Await.result("a concurrent caller", future);
            }
        } finally {
            pool.shutdownNow();
        }
        List<ProvisionalNumber> all = journal.unsynced();
        assertThat(all).hasSize(threads * batches * 3).doesNotHaveDuplicates();
        for (int i = 0; i < all.size(); i += 3) {
            long first = all.get(i).value();
            assertThat(all.subList(i, i + 3)).containsExactlyElementsOf(entries(first, first + 2));
        }
        assertThat(journal.highestValue()).isEqualTo((threads - 1) * 1_000L + batches * 3L);
    }
}
