package dev.numgen.sequence;

import dev.numgen.rule.IssuedValues;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.PrefixRule;
import dev.numgen.rule.RegisteredRule;
import dev.numgen.rule.RuleRegistry;
import dev.numgen.rule.UnknownPrefixException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A fake {@link GaplessStore}: one process, a lock instead of a transaction. Like the cluster's store it reads the
 * counter's rule from the registry inside each take and records the prefix's highest value taken.
 */
public final class InMemoryGaplessStore implements GaplessStore, IssuedValues {

    private final RuleRegistry rules;
    private final Map<String, Long> last = new HashMap<>();
    private final Map<String, Long> highest = new HashMap<>();

    public InMemoryGaplessStore(RuleRegistry rules) {
        this.rules = rules;
    }

    /**
     * The claims record as they are served, before the counter moves: a claim that throws leaves the counter as it
     * was, though what earlier claims of the take recorded stays (there is no transaction to roll it back).
     */
    @Override
    public synchronized void take(CounterKey key, List<? extends GaplessClaim> claims, NextValues next) {
        PrefixRule rule = rules.find(new PrefixKey(key.prefixKey()))
                .map(RegisteredRule::rule)
                .orElseThrow(() -> new UnknownPrefixException(key.prefixKey()));
        Long taken = GaplessTake.serve(key, rule, last.get(key.id()), claims, next);
        if (taken != null) {
            last.put(key.id(), taken);
            highest.merge(key.prefixKey(), taken, Math::max);
        }
    }

    @Override
    public synchronized OptionalLong highest(PrefixKey key) {
        Long value = highest.get(key.value());
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
