package dev.numgen.rule;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A fake {@link RuleSnapshot}: a map, which forgets everything with the process. */
public final class InMemoryRuleSnapshot implements RuleSnapshot {

    private final Map<PrefixKey, RegisteredRule> kept = new HashMap<>();

    @Override
    public synchronized Optional<RegisteredRule> find(PrefixKey key) {
        return Optional.ofNullable(kept.get(key));
    }

    @Override
    public synchronized void keep(RegisteredRule rule) {
        kept.merge(rule.key(), rule, (old, fresh) -> fresh.version() > old.version() ? fresh : old);
    }
}
