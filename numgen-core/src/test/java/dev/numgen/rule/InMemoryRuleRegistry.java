package dev.numgen.rule;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A fake {@link RuleRegistry}: one process, a lock instead of a transaction. Like the cluster's registry it keeps
 * change times to the millisecond and tells listeners of each new version (here at once, on the registering thread).
 */
public final class InMemoryRuleRegistry implements RuleRegistry {

    private final Map<String, RegisteredRule> rules = new HashMap<>();
    private final Map<String, List<RuleChange>> history = new HashMap<>();
    private final List<Consumer<RegisteredRule>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public synchronized Optional<RegisteredRule> find(PrefixKey key) {
        return Optional.ofNullable(rules.get(key.value()));
    }

    @Override
    public synchronized List<RegisteredRule> list() {
        List<RegisteredRule> all = new ArrayList<>(rules.values());
        all.sort(Comparator.comparing(rule -> rule.key().value()));
        return all;
    }

    @Override
    public synchronized Registration register(
            PrefixRule rule, OptionalLong expectedVersion, String changedBy, Instant changedAt, ChangeCheck check) {
        Optional<RegisteredRule> current = find(rule.key());
        long currentVersion = current.map(RegisteredRule::version).orElse(0L);
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != currentVersion) {
            throw new RuleVersionConflictException(rule.key().value(), expectedVersion.getAsLong(), currentVersion);
        }
        if (current.isPresent() && current.get().rule().equals(rule)) {
            return new Registration(current.get(), Registration.Outcome.UNCHANGED);
        }
        check.verify(current, rule);
        Instant kept = changedAt.truncatedTo(ChronoUnit.MILLIS);
        RegisteredRule stored = new RegisteredRule(rule, currentVersion + 1, changedBy, kept);
        rules.put(rule.key().value(), stored);
        history.computeIfAbsent(rule.key().value(), key -> new ArrayList<>())
                .add(new RuleChange(rule.key(), currentVersion, currentVersion + 1, changedBy, kept));
        listeners.forEach(listener -> listener.accept(stored));
        // As the cluster's registry does, the registration answers with the time it was given.
        RegisteredRule registered = new RegisteredRule(rule, currentVersion + 1, changedBy, changedAt);
        return new Registration(
                registered, current.isEmpty() ? Registration.Outcome.CREATED : Registration.Outcome.UPDATED);
    }

    @Override
    public synchronized List<RuleChange> history(PrefixKey key) {
        return List.copyOf(history.getOrDefault(key.value(), List.of()));
    }

    @Override
    public void onChange(Consumer<RegisteredRule> listener) {
        listeners.add(listener);
    }
}
