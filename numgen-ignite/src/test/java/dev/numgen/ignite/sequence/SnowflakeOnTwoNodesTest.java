package dev.numgen.ignite.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.ignite.testing.TwoNodeCluster;
import dev.numgen.rule.PrefixRule;
import dev.numgen.sequence.CounterKey;
import dev.numgen.sequence.SequenceStrategy;
import dev.numgen.sequence.SequenceStrategyContract;
import dev.numgen.sequence.SnowflakeSequence;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SNOWFLAKE on two embedded nodes, each with its own leased worker id: the sequence contract. */
class SnowflakeOnTwoNodesTest extends SequenceStrategyContract {

    @RegisterExtension
    static final TwoNodeCluster cluster = new TwoNodeCluster();

    private IgniteWorkerLeases first;
    private IgniteWorkerLeases second;

    @Override
    protected List<SequenceStrategy> strategiesFor(PrefixRule rule) {
        first = leases(UUID.randomUUID().toString(), cluster.first());
        second = leases(UUID.randomUUID().toString(), cluster.second());
        // The contract's rules are not registered; recording them as issuing has its own contract.
        return List.of(
                new SnowflakeSequence(Clock.systemUTC(), first, (key, strategy) -> {}, 10),
                new SnowflakeSequence(Clock.systemUTC(), second, (key, strategy) -> {}, 10));
    }

    @AfterEach
    void giveUpLeases() {
        if (first != null) {
            first.close();
            second.close();
        }
    }

    @Test
    void theTwoNodesIssueUnderDifferentWorkerIds() {
        List<SequenceStrategy> strategies = strategiesFor(rule(1, 1, Long.MAX_VALUE, 1));
        CounterKey key = new CounterKey("ID", "");
        assertThat(SnowflakeSequence.workerOf(strategies.get(0).next(key)))
                .isNotEqualTo(SnowflakeSequence.workerOf(strategies.get(1).next(key)));
    }

    private static IgniteWorkerLeases leases(String owner, dev.numgen.ignite.testing.TestNodes.TestNode node) {
        return new IgniteWorkerLeases(
                node.store(), owner, Clock.systemUTC(), Duration.ofSeconds(10), Duration.ofSeconds(2), 1024);
    }
}
