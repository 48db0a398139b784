package dev.numgen.ignite.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.ignite.rule.IgniteRuleRegistry;
import dev.numgen.ignite.testing.TestNodes.TestNode;
import dev.numgen.ignite.testing.TwoNodeCluster;
import dev.numgen.rule.PrefixRule;
import dev.numgen.sequence.CounterStrategyContract;
import dev.numgen.sequence.SegmentSequence;
import dev.numgen.sequence.SequenceStrategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SEGMENT contract on two real embedded Ignite server nodes, each with its own
 * registry, reserver and sequence: blocks reserved on one node never overlap the other's.
 */
class IgniteSegmentSequenceTest extends CounterStrategyContract {

    @RegisterExtension
    static final TwoNodeCluster cluster = new TwoNodeCluster();

    private static final List<IgniteRuleRegistry> registries = new ArrayList<>();
    private static final List<SequenceStrategy> sequences = new ArrayList<>();
    private static ExecutorService prefetch;

    @BeforeAll
    static void sequenceOnEachNode() {
        prefetch = Executors.newCachedThreadPool();
        for (TestNode node : cluster.nodes()) {
            IgniteRuleRegistry registry = new IgniteRuleRegistry(node.store());
            registries.add(registry);
            sequences.add(new SegmentSequence(new IgniteBlockReserver(node.store(), registry), prefetch));
        }
    }

    @AfterAll
    static void stopPrefetching() {
        prefetch.shutdownNow();
    }

    @Override
    protected List<SequenceStrategy> strategiesFor(PrefixRule rule) {
        registries.get(0).register(rule, OptionalLong.empty(), "test", Instant.now(), (current, proposed) -> {});
        return sequences;
    }

    @Test
    void highestReservedValueIsRecordedForRuleChecks() {
        PrefixRule rule = rule(1, 1, Long.MAX_VALUE, 10);
        strategiesFor(rule)
                .get(1)
                .next(new dev.numgen.sequence.CounterKey(rule.key().value(), ""));
        IgniteIssuedValues issued = new IgniteIssuedValues(cluster.first().store());
        assertThat(issued.highest(rule.key())).hasValue(10);
    }
}
