package dev.numgen.rule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The rule registry as the issuer reads it: every rule it finds or hears of is kept in this node's {@link
 * RuleSnapshot}, and when the cluster store cannot be reached (a node cut off by a partition, restarted while cut
 * off) a lookup answers from the snapshot. That is enough for provisional numbers, which need the rule's format but
 * no shared counter; anything that writes still needs the cluster.
 */
public final class RememberingRuleRegistry implements RuleRegistry {

    private final RuleRegistry cluster;
    private final RuleSnapshot snapshot;

    public RememberingRuleRegistry(RuleRegistry cluster, RuleSnapshot snapshot) {
        this.cluster = cluster;
        this.snapshot = snapshot;
        cluster.onChange(snapshot::keep);
    }

    @Override
    public Optional<RegisteredRule> find(PrefixKey key) {
        Optional<RegisteredRule> found;
        try {
            found = cluster.find(key);
        } catch (RuleStoreUnavailableException e) {
            return Optional.of(snapshot.find(key).orElseThrow(() -> e));
        }
        found.ifPresent(snapshot::keep);
        return found;
    }

    @Override
    public List<RegisteredRule> list() {
        return cluster.list();
    }

    @Override
    public Registration register(
            PrefixRule rule, OptionalLong expectedVersion, String changedBy, Instant changedAt, ChangeCheck check) {
        return cluster.register(rule, expectedVersion, changedBy, changedAt, check);
    }

    @Override
    public List<RuleChange> history(PrefixKey key) {
        return cluster.history(key);
    }

    @Override
    public void onChange(Consumer<RegisteredRule> listener) {
        cluster.onChange(listener);
    }
}
