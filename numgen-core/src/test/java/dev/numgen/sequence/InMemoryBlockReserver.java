package dev.numgen.sequence;

import dev.numgen.rule.IssuedValues;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.PrefixRule;
import dev.numgen.rule.RegisteredRule;
import dev.numgen.rule.RuleRegistry;
import dev.numgen.rule.UnknownPrefixException;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A fake {@link BlockReserver}: one process, a lock instead of a transaction. Like the cluster's reserver it reads
 * the counter's rule from the registry at each reservation and records the prefix's highest reserved value.
 */
final class InMemoryBlockReserver implements BlockReserver, IssuedValues {

    private final RuleRegistry rules;
    private final Map<String, Long> lastReserved = new HashMap<>();
    private final Map<String, Long> highest = new HashMap<>();

    InMemoryBlockReserver(RuleRegistry rules) {
        this.rules = rules;
    }

    @Override
    public synchronized Block reserve(CounterKey key, int growth) {
        PrefixRule rule = rules.find(new PrefixKey(key.prefixKey()))
                .map(RegisteredRule::rule)
                .orElseThrow(() -> new UnknownPrefixException(key.prefixKey()));
        Block block = BlockPlanner.next(key, rule, lastReserved.get(key.id()), growth);
        lastReserved.put(key.id(), block.last());
        highest.merge(key.prefixKey(), block.last(), Math::max);
        return block;
    }

    @Override
    public synchronized OptionalLong highest(PrefixKey key) {
        Long value = highest.get(key.value());
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
