package dev.numgen.sequence;

import dev.numgen.rule.InMemoryRuleRegistry;
import dev.numgen.rule.IssuedValues;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.PrefixRule;
import dev.numgen.rule.RegisteredRule;
import dev.numgen.rule.Strategy;
import dev.numgen.rule.UnknownPrefixException;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A fake {@link IssueRecords}: one process, and the registry's lock instead of a transaction that locks the rule, so
 * a record and a rule change (whose check reads {@link #issuedAny} under that lock) are ordered as in the cluster.
 */
final class InMemoryIssueRecords implements IssueRecords, IssuedValues {

    private final InMemoryRuleRegistry rules;
    private final Set<String> issuing = new HashSet<>(); // guarded by rules

    InMemoryIssueRecords(InMemoryRuleRegistry rules) {
        this.rules = rules;
    }

    @Override
    public void recordIssuing(CounterKey key, Strategy strategy) {
        synchronized (rules) {
            PrefixRule rule = rules.find(new PrefixKey(key.prefixKey()))
                    .map(RegisteredRule::rule)
                    .orElseThrow(() -> new UnknownPrefixException(key.prefixKey()));
            if (rule.strategy() != strategy) {
                throw new SequenceUnavailableException(key, "the rule now uses " + rule.strategy(), null);
            }
            issuing.add(key.prefixKey());
        }
    }

    /** Nothing here counts values. */
    @Override
    public OptionalLong highest(PrefixKey key) {
        return OptionalLong.empty();
    }

    @Override
    public boolean issuedAny(PrefixKey key) {
        synchronized (rules) {
            return issuing.contains(key.value());
        }
    }
}
