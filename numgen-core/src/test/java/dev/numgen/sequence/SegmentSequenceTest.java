package dev.numgen.sequence;

import dev.numgen.rule.InMemoryRuleRegistry;
import dev.numgen.rule.PrefixRule;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;

/** Two {@link SegmentSequence}s (two "nodes") over one in-memory reserver. */
class SegmentSequenceTest extends CounterStrategyContract {

    private static final ExecutorService PREFETCH = Executors.newCachedThreadPool();
    private final InMemoryRuleRegistry rules = new InMemoryRuleRegistry();
    private final InMemoryBlockReserver reserver = new InMemoryBlockReserver(rules);

    @AfterAll
    static void stopPrefetch() {
        PREFETCH.shutdownNow();
    }

    @Override
    protected List<SequenceStrategy> strategiesFor(PrefixRule rule) {
        rules.register(rule, OptionalLong.empty(), "test", Instant.EPOCH, (current, proposed) -> {});
        return List.of(new SegmentSequence(reserver, PREFETCH), new SegmentSequence(reserver, PREFETCH));
    }
}
