package dev.numgen.sequence;

import dev.numgen.rule.PrefixRule;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;

/** Two {@link SegmentSequence}s (two "nodes") over one in-memory reserver. */
class SegmentSequenceTest extends CounterStrategyContract {

    private static final ExecutorService PREFETCH = Executors.newCachedThreadPool();
    private final InMemoryBlockReserver reserver = new InMemoryBlockReserver();

    @AfterAll
    static void stopPrefetch() {
        PREFETCH.shutdownNow();
    }

    @Override
    protected List<SequenceStrategy> strategiesFor(PrefixRule rule) {
        reserver.register(rule);
        return List.of(new SegmentSequence(reserver, PREFETCH), new SegmentSequence(reserver, PREFETCH));
    }
}
