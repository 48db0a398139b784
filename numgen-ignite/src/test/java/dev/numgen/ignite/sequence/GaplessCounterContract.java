package dev.numgen.ignite.sequence;

import dev.numgen.ignite.rule.IgniteRuleRegistry;
import dev.numgen.ignite.testing.TestNodes.TestNode;
import dev.numgen.ignite.testing.TwoNodeCluster;
import dev.numgen.rule.Concurrency;
import dev.numgen.rule.PrefixRule;
import dev.numgen.rule.TestRules;
import dev.numgen.sequence.GaplessCounter;
import dev.numgen.sequence.GaplessStrategyContract;
import dev.numgen.sequence.SequenceStrategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GAPLESS on two real embedded nodes: the GAPLESS strategy contract (no gap and no repeat under concurrent clients on
 * both nodes, no gap after a request that fails half-way) with each node's counter on its own store.
 */
abstract class GaplessCounterContract extends GaplessStrategyContract {

    @RegisterExtension
    static final TwoNodeCluster cluster = new TwoNodeCluster();

    private static final List<IgniteRuleRegistry> registries = new ArrayList<>();
    private static final List<SequenceStrategy> counters = new ArrayList<>();

    /** The rule option the subclass tests. */
    protected abstract Concurrency concurrency();

    @BeforeAll
    static void counterOnEachNode() {
        for (TestNode node : cluster.nodes()) {
            IgniteRuleRegistry registry = new IgniteRuleRegistry(node.store());
            registries.add(registry);
            counters.add(new GaplessCounter(new IgniteGaplessStore(node.store(), registry)));
        }
    }

    @AfterAll
    static void forgetCounters() {
        registries.clear();
        counters.clear();
    }

    @Override
    protected int valuesPerThread() {
        return 60;
    }

    @Override
    protected List<SequenceStrategy> strategiesFor(PrefixRule rule) {
        PrefixRule gapless = TestRules.gapless(rule, concurrency());
        registries.get(0).register(gapless, OptionalLong.empty(), "test", Instant.now(), (current, proposed) -> {});
        return counters;
    }
}
