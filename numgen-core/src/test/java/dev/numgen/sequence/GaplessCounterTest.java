package dev.numgen.sequence;

import dev.numgen.rule.InMemoryRuleRegistry;
import dev.numgen.rule.PrefixRule;
import dev.numgen.rule.TestRules;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/** Two {@link GaplessCounter}s (two "nodes") over one in-memory store. */
class GaplessCounterTest extends GaplessStrategyContract {

    private final InMemoryRuleRegistry rules = new InMemoryRuleRegistry();
    private final InMemoryGaplessStore store = new InMemoryGaplessStore(rules);

    @Override
    protected List<SequenceStrategy> strategiesFor(PrefixRule rule) {
        PrefixRule gapless = TestRules.gapless(rule, rule.concurrency());
        rules.register(gapless, OptionalLong.empty(), "test", Instant.EPOCH, (current, proposed) -> {});
        return List.of(new GaplessCounter(store), new GaplessCounter(store));
    }
}
