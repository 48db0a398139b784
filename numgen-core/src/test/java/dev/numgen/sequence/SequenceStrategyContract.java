package dev.numgen.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.rule.PrefixRule;
import dev.numgen.rule.TestRules;
import dev.numgen.testing.Await;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SequenceStrategy} promises: unique values under concurrency, increasing per
 * caller, batches in order. Counters ({@link CounterStrategyContract}) promise more. Each
 * implementation extends one of them with its own way of serving a rule.
 */
public abstract class SequenceStrategyContract {

    private static final AtomicInteger RULES = new AtomicInteger();

    /** Values each of the 8 threads takes in the concurrency test. */
    protected int valuesPerThread() {
        return 2_000;
    }

    /** Strategies serving {@code rule}; more than one stands for several nodes sharing it. */
    protected abstract List<SequenceStrategy> strategiesFor(PrefixRule rule);

    protected static PrefixRule rule(long start, long step, long maxValue, int reserveSize) {
        return TestRules.segment("CONTRACT" + RULES.incrementAndGet(), start, step, maxValue, reserveSize);
    }

    protected static CounterKey keyOf(PrefixRule rule) {
        return new CounterKey(rule.key().value(), "");
    }

    @Test
    void valuesIncreaseForOneCallerAcrossManyBlocks() {
        PrefixRule rule = rule(1, 1, Long.MAX_VALUE, 7);
        SequenceStrategy strategy = strategiesFor(rule).get(0);
        long previous = 0;
        for (int i = 0; i < 500; i++) {
            long value = strategy.next(keyOf(rule));
            assertThat(value).isGreaterThan(previous);
            previous = value;
        }
    }

    @Test
    void batchValuesAreIncreasingAndSpanBlocks() {
        PrefixRule rule = rule(1, 1, Long.MAX_VALUE, 3);
        long[] values = strategiesFor(rule).get(0).next(keyOf(rule), 10);
        assertThat(values).hasSize(10).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void neverRepeatsUnderConcurrentCallers() throws Exception {
        PrefixRule rule = rule(1, 1, Long.MAX_VALUE, 25);
        List<SequenceStrategy> strategies = strategiesFor(rule);
        int threads = 8;
        int perThread = valuesPerThread();
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                SequenceStrategy strategy = strategies.get(t % strategies.size());
                work.add(pool.submit(() -> {
                    long previous = -1;
                    for (int i = 0; i < perThread; i++) {
                        long value = strategy.next(keyOf(rule));
                        assertThat(value).isGreaterThan(previous);
                        previous = value;
                        if (!seen.add(value)) {
                            duplicates.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> future : work) {
                Await.result("a concurrent caller", future);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(duplicates).hasValue(0);
        assertThat(seen).hasSize(threads * perThread);
    }
}
