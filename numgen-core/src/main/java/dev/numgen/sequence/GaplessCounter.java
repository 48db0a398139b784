package dev.numgen.sequence;

import dev.numgen.rule.PrefixRule;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The {@code GAPLESS} strategy: every value is taken in a {@link GaplessStore} transaction that commits before the
 * value is returned, so values are strictly increasing in commit order and a request that fails before its commit
 * consumes nothing. A batch takes all its values in one transaction, or none, and never past the rule's maxValue as
 * that transaction read it. Concurrent requests on this node share transactions (group commit, {@link
 * CombiningCounter}).
 */
public final class GaplessCounter implements SequenceStrategy {

    /** Captures nothing, so a take allocates no planner of its own. */
    private static final GaplessStore.NextValues NEXT = GaplessCounter::valuesAfter;

    private final GaplessStore store;
    private final ConcurrentMap<CounterKey, ClaimingCounter> counters = new ConcurrentHashMap<>();

    public GaplessCounter(GaplessStore store) {
        this.store = store;
    }

    @Override
    public ClaimingCounter counter(CounterKey key) {
        ClaimingCounter known = counters.get(key);
        return known != null
                ? known
                : counters.computeIfAbsent(
                        key, absent -> new CombiningCounter(claims -> store.take(absent, claims, NEXT)));
    }

    /**
     * The {@code count} values after {@code last} ({@code start} first when nothing was taken), all within maxValue.
     *
     * @throws CounterExhaustedException when they would pass maxValue; then none is taken
     */
    static long[] valuesAfter(CounterKey key, PrefixRule rule, Long last, int count) {
        long[] values = new long[count];
        values[0] = BlockPlanner.firstAfter(key, rule, last);
        for (int i = 1; i < count; i++) {
            values[i] = BlockPlanner.firstAfter(key, rule, values[i - 1]);
        }
        return values;
    }
}
