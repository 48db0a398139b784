package dev.numgen.sequence;

import dev.numgen.rule.PrefixRule;
import java.util.HashMap;
import java.util.Map;

/** A fake {@link BlockReserver}: one process, a lock instead of a transaction. */
final class InMemoryBlockReserver implements BlockReserver {

    private final Map<String, PrefixRule> rules = new HashMap<>();
    private final Map<String, Long> lastReserved = new HashMap<>();

    synchronized void register(PrefixRule rule) {
        rules.put(rule.key().value(), rule);
    }

    @Override
    public synchronized Block reserve(CounterKey key, int growth) {
        Block block = BlockPlanner.next(key, rules.get(key.prefixKey()), lastReserved.get(key.id()), growth);
        lastReserved.put(key.id(), block.last());
        return block;
    }
}
