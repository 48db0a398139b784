package dev.numgen.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.rule.PrefixRule;
import dev.numgen.testing.Await;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * What GAPLESS promises beyond {@link CounterStrategyContract}: concurrent clients on several nodes get exactly 1..N,
 * without a gap or a repeat, and a batch that cannot complete consumes nothing. {@link GaplessCounter} over the
 * in-memory store and over the cluster's store both extend it.
 */
public abstract class GaplessStrategyContract extends CounterStrategyContract {

    @Test
    void eightClientsOnTwoNodesGetExactlyOneToNWithoutGapOrRepeat() throws Exception {
        PrefixRule rule = rule(1, 1, Long.MAX_VALUE, 1);
        List<SequenceStrategy> strategies = strategiesFor(rule);
        CounterKey key = keyOf(rule);
        ConcurrentLinkedQueue<Long> issued = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int client = 0; client < 8; client++) {
                SequenceStrategy strategy = strategies.get(client % strategies.size());
                work.add(clients.submit(() -> {
                    for (int request = 0; request < 20; request++) {
                        long[] values =
                                strategy.next(key, ThreadLocalRandom.current().nextInt(1, 4));
                        for (int i = 1; i < values.length; i++) {
                            assertThat(values[i]).isEqualTo(values[i - 1] + 1);
                        }
                        for (long value : values) {
                            issued.add(value);
                        }
                    }
                }));
            }
            for (Future<?> future : work) {
                Await.result("a concurrent caller", future);
            }
        } finally {
            clients.shutdownNow();
        }
        long[] sorted = issued.stream().mapToLong(Long::longValue).sorted().toArray();
        assertThat(sorted)
                .containsExactly(LongStream.rangeClosed(1, sorted.length).toArray());
    }

    @Test
    void aBatchThatCannotCompleteConsumesNothing() {
        PrefixRule rule = rule(1, 1, 10, 1);
        List<SequenceStrategy> strategies = strategiesFor(rule);
        CounterKey key = keyOf(rule);
        assertThat(strategies.get(0).next(key, 8)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThatThrownBy(() -> strategies.get(1).next(key, 5)).isInstanceOf(CounterExhaustedException.class);
        assertThat(strategies.get(1).next(key, 2)).containsExactly(9, 10);
    }
}
