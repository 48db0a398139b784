package dev.numgen.ignite.sequence;

import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.ignite.store.StoreUnavailableException;
import dev.numgen.rule.PrefixRule;
import dev.numgen.rule.RuleRegistry;
import dev.numgen.rule.RuleStoreUnavailableException;
import dev.numgen.sequence.Block;
import dev.numgen.sequence.BlockPlanner;
import dev.numgen.sequence.BlockReserver;
import dev.numgen.sequence.CounterKey;
import dev.numgen.sequence.SequenceUnavailableException;
import org.apache.ignite.IgniteCache;

/**
 * Reserves blocks in one pessimistic, repeatable-read transaction over REPLICATED, FULL_SYNC
 * caches: lock the rule (so its maxValue cannot change underneath), lock the counter, move it
 * past the block, record the prefix's highest reserved value, commit. A block is returned only
 * after the commit, so two nodes can never hold overlapping blocks, whatever fails. (Ignite's
 * IgniteAtomicSequence was measured handing out the same range twice when a node fails: see
 * docs/decisions/0001-segment-reservations.md.)
 *
 * <p>Lock order is rule, counter, highest, the same as a rule change's (rule, highest), so the
 * two cannot deadlock.
 */
public final class IgniteBlockReserver implements BlockReserver {

    private final IgniteStore store;
    private final RuleRegistry rules;

    public IgniteBlockReserver(IgniteStore store, RuleRegistry rules) {
        this.store = store;
        this.rules = rules;
        store.declare(CounterCaches.COUNTERS);
        store.declare(CounterCaches.HIGHEST);
    }

    @Override
    public Block reserve(CounterKey key, int growth) {
        try {
            IgniteCache<String, Long> counters = store.cache(CounterCaches.COUNTERS);
            IgniteCache<String, Long> highest = store.cache(CounterCaches.HIGHEST);
            return store.inTransaction(() -> {
                PrefixRule rule = CounterCaches.ruleOf(rules, key);
                Block block = BlockPlanner.next(key, rule, counters.get(key.id()), growth);
                CounterCaches.advance(counters, highest, key, block.last());
                return block;
            });
        } catch (StoreUnavailableException | RuleStoreUnavailableException e) {
            throw new SequenceUnavailableException(key, e.getMessage(), e);
        }
    }
}
