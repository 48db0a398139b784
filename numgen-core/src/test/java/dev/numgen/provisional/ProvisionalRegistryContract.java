package dev.numgen.provisional;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.testing.Await;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProvisionalRegistry} promises: a sync may be repeated from any node without losing or doubling
 * anything (the first copy of a number stays), lists are filtered and oldest first, and an update is atomic. The
 * in-memory fake and the cluster's registry both extend it.
 */
public abstract class ProvisionalRegistryContract {

    /** Registries over one store that holds nothing yet, each standing for a node. */
    protected abstract List<ProvisionalRegistry> emptyRegistries();

    private static ProvisionalNumber issued(String prefixKey, String node, long value, long issuedAt) {
        return new ProvisionalNumber(
                prefixKey + "-" + ProvisionalSlot.of(node, value),
                prefixKey,
                2,
                Map.of("region", "EU"),
                issuedAt,
                node,
                value);
    }

    private static ProvisionalRecord confirmed(ProvisionalRecord record) {
        return record.resolved(ProvisionalStatus.CONFIRMED, null, "alice", 5_000, "checked");
    }

    @Test
    void aRecordedNumberIsFoundPendingOnEveryNode() {
        List<ProvisionalRegistry> registries = emptyRegistries();
        ProvisionalNumber number = issued("ORDER", "n1", 1, 1_000);
        registries.get(0).record(List.of(number));
        for (ProvisionalRegistry registry : registries) {
            assertThat(registry.find(number.number())).contains(ProvisionalRecord.pending(number));
            assertThat(registry.find("ORDER-" + ProvisionalSlot.of("n1", 2))).isEmpty();
        }
    }

    @Test
    void recordingAgainKeepsTheFirstCopyAndItsResolution() {
        List<ProvisionalRegistry> registries = emptyRegistries();
        ProvisionalNumber first = issued("ORDER", "n1", 1, 1_000);
        ProvisionalNumber second = issued("ORDER", "n1", 2, 1_001);
        registries.get(0).record(List.of(first));
        registries.get(0).update(first.number(), ProvisionalRegistryContract::confirmed);

        ProvisionalNumber sameNumberOtherContent =
                new ProvisionalNumber(first.number(), "ORDER", 9, Map.of(), 9_999, "n1", first.value());
        registries.get(1).record(List.of(sameNumberOtherContent, second));

        ProvisionalRecord kept = registries.get(1).find(first.number()).orElseThrow();
        assertThat(kept).isEqualTo(confirmed(ProvisionalRecord.pending(first)));
        assertThat(registries.get(0).find(second.number())).contains(ProvisionalRecord.pending(second));
        assertThat(registries.get(0).pending()).isEqualTo(1);
    }

    @Test
    void listsAreFilteredOldestFirstAndCutAtTheLimit() {
        List<ProvisionalRegistry> registries = emptyRegistries();
        ProvisionalNumber late = issued("ORDER", "n1", 3, 3_000);
        ProvisionalNumber earlyB = issued("ORDER", "n2", 1, 1_000);
        ProvisionalNumber earlyA = issued("ORDER", "n1", 1, 1_000);
        ProvisionalNumber middle = issued("ORDER", "n1", 2, 2_000);
        ProvisionalNumber other = issued("INVOICE", "n1", 9, 500);
        registries.get(0).record(List.of(late, earlyB, earlyA, middle, other));
        registries.get(1).update(middle.number(), ProvisionalRegistryContract::confirmed);

        ProvisionalRegistry registry = registries.get(1);
        assertThat(registry.list("ORDER", null, 10))
                .extracting(ProvisionalRecord::issued)
                .containsExactly(earlyA, earlyB, middle, late); // same time: by number
        assertThat(registry.list("ORDER", ProvisionalStatus.PENDING, 10))
                .extracting(ProvisionalRecord::issued)
                .containsExactly(earlyA, earlyB, late);
        assertThat(registry.list(null, ProvisionalStatus.CONFIRMED, 10))
                .extracting(ProvisionalRecord::issued)
                .containsExactly(middle);
        assertThat(registry.list(null, null, 2))
                .extracting(ProvisionalRecord::issued)
                .containsExactly(other, earlyA);
        assertThat(registry.list("NONE", null, 10)).isEmpty();
    }

    @Test
    void pendingCountsOnlyUnresolvedNumbers() {
        List<ProvisionalRegistry> registries = emptyRegistries();
        assertThat(registries.get(0).pending()).isZero();
        List<ProvisionalNumber> numbers = IntStream.rangeClosed(1, 5)
                .mapToObj(value -> issued("ORDER", "n1", value, 1_000 + value))
                .toList();
        registries.get(0).record(numbers);
        registries.get(0).update(numbers.get(0).number(), ProvisionalRegistryContract::confirmed);
        registries
                .get(1)
                .update(
                        numbers.get(1).number(),
                        record -> record.resolved(ProvisionalStatus.REPLACED, "ORDER-000042", "bob", 6_000, null));
        assertThat(registries.get(1).pending()).isEqualTo(3);
    }

    @Test
    void anUpdateStoresWhatTheChangeReturnsAndAnUnknownNumberStaysUnknown() {
        List<ProvisionalRegistry> registries = emptyRegistries();
        ProvisionalNumber number = issued("ORDER", "n1", 1, 1_000);
        registries.get(0).record(List.of(number));

        assertThat(registries.get(1).update(number.number(), ProvisionalRegistryContract::confirmed))
                .contains(confirmed(ProvisionalRecord.pending(number)));
        assertThat(registries.get(0).find(number.number())).contains(confirmed(ProvisionalRecord.pending(number)));

        String unknown = "ORDER-" + ProvisionalSlot.of("n9", 1);
        assertThat(registries.get(0).update(unknown, ProvisionalRegistryContract::confirmed))
                .isEmpty();
        assertThat(registries.get(1).find(unknown)).isEmpty();
    }

    @Test
    void concurrentUpdatesOfOneNumberFromTwoNodesAreNeverLost() throws Exception {
        List<ProvisionalRegistry> registries = emptyRegistries();
        ProvisionalNumber number = issued("ORDER", "n1", 1, 1_000);
        registries.get(0).record(List.of(number));
        int threads = 4;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                ProvisionalRegistry registry = registries.get(t % registries.size());
                work.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        registry.update(
                                number.number(),
                                record -> new ProvisionalRecord(
                                        record.issued(),
                                        record.status(),
                                        null,
                                        null,
                                        0,
                                        (record.note() == null ? "" : record.note()) + "x"));
                    }
                }));
            }
            for (Future<?> future : work) {
                Await.result("a concurrent caller", future);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(registries.get(1).find(number.number()).orElseThrow().note()).hasSize(threads * perThread);
    }

    @Test
    void twoNodesSyncingOverlappingBatchesAtOnceHoldEachNumberOnce() throws Exception {
        List<ProvisionalRegistry> registries = emptyRegistries();
        List<ProvisionalNumber> numbers = IntStream.rangeClosed(1, 200)
                .mapToObj(value -> issued("ORDER", "n1", value, 1_000 + value))
                .toList();
        List<ProvisionalNumber> reversed = new ArrayList<>(numbers);
        Collections.reverse(reversed);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> forwards = pool.submit(() -> registries.get(0).record(numbers));
            Future<?> backwards = pool.submit(() -> registries.get(1).record(reversed));
            Await.result("the forward sync", forwards);
            Await.result("the backward sync", backwards);
        } finally {
            pool.shutdownNow();
        }
        assertThat(registries.get(0).pending()).isEqualTo(200);
        assertThat(registries.get(1).list("ORDER", null, 500))
                .extracting(ProvisionalRecord::issued)
                .containsExactlyElementsOf(numbers);
    }
}
