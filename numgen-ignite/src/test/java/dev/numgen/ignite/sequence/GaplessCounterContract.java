package dev.numgen.ignite.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.ignite.rule.IgniteRuleRegistry;
import dev.numgen.ignite.testing.TestNodes;
import dev.numgen.ignite.testing.TestNodes.ClusterLayout;
import dev.numgen.ignite.testing.TestNodes.TestNode;
import dev.numgen.rule.Concurrency;
import dev.numgen.rule.PrefixRule;
import dev.numgen.rule.Strategy;
import dev.numgen.sequence.CounterExhaustedException;
import dev.numgen.sequence.CounterKey;
import dev.numgen.sequence.CounterStrategyContract;
import dev.numgen.sequence.SequenceStrategy;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GAPLESS on two real embedded nodes: the strategy contract, plus no gap and no repeat under
 * concurrent clients on both nodes, and no gap after a request that fails half-way.
 */
abstract class GaplessCounterContract extends CounterStrategyContract {

    private static final List<TestNode> nodes = new ArrayList<>();
    private static final List<IgniteRuleRegistry> registries = new ArrayList<>();
    private static final List<SequenceStrategy> counters = new ArrayList<>();

    /** The rule option the subclass tests. */
    protected abstract Concurrency concurrency();

    @BeforeAll
    static void startTwoNodes() throws Exception {
        ClusterLayout layout = ClusterLayout.of(Files.createTempDirectory("numgen-gapless-"), 2);
        for (int i = 0; i < 2; i++) {
            TestNode node = TestNodes.start(layout, i, 2);
            nodes.add(node);
            IgniteRuleRegistry registry = new IgniteRuleRegistry(node.store());
            registries.add(registry);
            counters.add(new GaplessCounter(node.store(), registry));
        }
    }

    @AfterAll
    static void stopNodes() {
        nodes.forEach(TestNode::close);
        nodes.clear();
        registries.clear();
        counters.clear();
    }

    @Override
    protected int valuesPerThread() {
        return 60;
    }

    @Override
    protected List<SequenceStrategy> strategiesFor(PrefixRule rule) {
        PrefixRule gapless = new PrefixRule(
                rule.key(),
                rule.format(),
                Strategy.GAPLESS,
                rule.reset(),
                rule.start(),
                rule.step(),
                rule.maxValue(),
                rule.reserveSize(),
                rule.timeZone(),
                rule.variables(),
                rule.description(),
                concurrency(),
                null);
        registries.get(0).register(gapless, OptionalLong.empty(), "test", Instant.now(), (current, proposed) -> {});
        return counters;
    }

    @Test
    void eightClientsOnTwoNodesGetExactlyOneToNWithoutGapOrRepeat() throws Exception {
        PrefixRule rule = rule(1, 1, Long.MAX_VALUE, 1);
        List<SequenceStrategy> strategies = strategiesFor(rule);
        CounterKey key = new CounterKey(rule.key().value(), "");
        ConcurrentLinkedQueue<Long> issued = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int client = 0; client < 8; client++) {
                SequenceStrategy strategy = strategies.get(client % 2);
                work.add(clients.submit(() -> {
                    for (int request = 0; request < 20; request++) {
                        long[] values =
                                strategy.next(key, ThreadLocalRandom.current().nextInt(1, 4));
                        for (long value : values) {
                            issued.add(value);
                        }
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get();
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
        CounterKey key = new CounterKey(rule.key().value(), "");
        assertThat(strategies.get(0).next(key, 8)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThatThrownBy(() -> strategies.get(1).next(key, 5)).isInstanceOf(CounterExhaustedException.class);
        assertThat(strategies.get(1).next(key, 2)).containsExactly(9, 10);
    }
}
