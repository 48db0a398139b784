package dev.numgen.issue;

import dev.numgen.rule.InvalidRuleException;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.RegisteredRule;
import dev.numgen.rule.RuleRegistry;
import dev.numgen.rule.Strategy;
import dev.numgen.rule.UnknownPrefixException;
import dev.numgen.sequence.SequenceStrategy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * This node's compiled copy of every rule it has used. A miss reads the registry; changes made
 * on any node arrive through {@link RuleRegistry#onChange} and replace the copy, never with an
 * older version.
 */
final class CompiledRules {

    private final RuleRegistry registry;
    private final Map<Strategy, SequenceStrategy> strategies;
    private final ConcurrentMap<String, CompiledRule> compiled = new ConcurrentHashMap<>();

    CompiledRules(RuleRegistry registry, Map<Strategy, SequenceStrategy> strategies) {
        this.registry = registry;
        this.strategies = Map.copyOf(strategies);
        registry.onChange(this::acceptChange);
    }

    CompiledRule get(String prefixKey) {
        CompiledRule rule = compiled.get(prefixKey);
        if (rule != null) {
            return rule;
        }
        RegisteredRule registered =
                registry.find(new PrefixKey(prefixKey)).orElseThrow(() -> new UnknownPrefixException(prefixKey));
        return accept(registered);
    }

    /**
     * A changed rule that cannot be compiled (a variable pattern stored before patterns had to be RE2) replaces
     * nothing silently: its older copy is dropped, so issuing reads it again and answers why it cannot serve it.
     */
    private void acceptChange(RegisteredRule registered) {
        try {
            accept(registered);
        } catch (InvalidRuleException e) {
            compiled.remove(registered.key().value());
        }
    }

    private CompiledRule accept(RegisteredRule registered) {
        return compiled.merge(
                registered.key().value(),
                new CompiledRule(registered, strategy(registered)),
                (known, offered) -> offered.version() > known.version() ? offered : known);
    }

    private SequenceStrategy strategy(RegisteredRule registered) {
        SequenceStrategy strategy = strategies.get(registered.rule().strategy());
        if (strategy == null) {
            throw new IllegalStateException(
                    "no sequence strategy serves " + registered.rule().strategy());
        }
        return strategy;
    }
}
