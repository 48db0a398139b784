package dev.numgen.ignite.rule;

import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.ignite.store.StoreUnavailableException;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.PrefixRule;
import dev.numgen.rule.RegisteredRule;
import dev.numgen.rule.Registration;
import dev.numgen.rule.RuleChange;
import dev.numgen.rule.RuleRegistry;
import dev.numgen.rule.RuleStoreUnavailableException;
import dev.numgen.rule.RuleVersionConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.cache.Cache;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.ContinuousQuery;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.configuration.CacheConfiguration;

/**
 * Rules in a REPLICATED, TRANSACTIONAL, FULL_SYNC cache: a registration is one pessimistic
 * transaction that locks the rule, checks it, and writes the new version together with its
 * history entry, so a PUT is either fully visible on every node or not at all.
 */
public final class IgniteRuleRegistry implements RuleRegistry {

    static final CacheConfiguration<String, StoredRule> RULES = IgniteStore.replicatedTransactional("numgen-rules");
    static final CacheConfiguration<String, ArrayList<StoredRuleChange>> CHANGES =
            IgniteStore.replicatedTransactional("numgen-rule-changes");

    private final IgniteStore store;
    private final List<Consumer<RegisteredRule>> listeners = new CopyOnWriteArrayList<>();
    private volatile IgniteCache<String, StoredRule> rules;
    /** Held so the change listener lives as long as this registry; never read. */
    private QueryCursor<?> changeFeed;

    public IgniteRuleRegistry(IgniteStore store) {
        this.store = store;
        store.declare(RULES);
        store.declare(CHANGES);
    }

    @Override
    public Optional<RegisteredRule> find(PrefixKey key) {
        return translated(() -> Optional.ofNullable(rules().get(key.value())).map(StoredRule::toRegistered));
    }

    @Override
    public List<RegisteredRule> list() {
        return translated(() -> {
            List<RegisteredRule> all = new ArrayList<>();
            try (var cursor = rules().query(new ScanQuery<String, StoredRule>())) {
                cursor.forEach(entry -> all.add(entry.getValue().toRegistered()));
            }
            all.sort(Comparator.comparing(rule -> rule.key().value()));
            return all;
        });
    }

    @Override
    public Registration register(
            PrefixRule rule, OptionalLong expectedVersion, String changedBy, Instant changedAt, ChangeCheck check) {
        IgniteCache<String, StoredRule> rules = rules();
        IgniteCache<String, ArrayList<StoredRuleChange>> changes = translated(() -> store.cache(CHANGES));
        String key = rule.key().value();
        return translated(() -> store.inTransaction(() -> {
            Optional<RegisteredRule> current =
                    Optional.ofNullable(rules.get(key)).map(StoredRule::toRegistered);
            long currentVersion = current.map(RegisteredRule::version).orElse(0L);
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != currentVersion) {
                throw new RuleVersionConflictException(key, expectedVersion.getAsLong(), currentVersion);
            }
            if (current.isPresent() && current.get().rule().equals(rule)) {
                return new Registration(current.get(), Registration.Outcome.UNCHANGED);
            }
            check.verify(current, rule);
            long version = currentVersion + 1;
            rules.put(key, StoredRule.of(rule, version, changedBy, changedAt));
            ArrayList<StoredRuleChange> history =
                    Optional.ofNullable(changes.get(key)).orElseGet(ArrayList::new);
            history.add(StoredRuleChange.of(currentVersion, version, changedBy, changedAt));
            changes.put(key, history);
            RegisteredRule registered = new RegisteredRule(rule, version, changedBy, changedAt);
            return new Registration(
                    registered, current.isEmpty() ? Registration.Outcome.CREATED : Registration.Outcome.UPDATED);
        }));
    }

    @Override
    public List<RuleChange> history(PrefixKey key) {
        return translated(() -> {
            ArrayList<StoredRuleChange> stored = store.cache(CHANGES).get(key.value());
            return stored == null
                    ? List.of()
                    : stored.stream().map(change -> change.toChange(key)).toList();
        });
    }

    @Override
    public void onChange(Consumer<RegisteredRule> listener) {
        listeners.add(listener);
    }

    /**
     * Opens the rule cache and its change feed anew, then hands every stored rule to the listeners, which keep the
     * newest version of each. For a client node that reconnected: its feed saw nothing while it was away, and a
     * cluster that restarted meanwhile no longer serves the feed it had. The new feed is registered before the rules
     * are read, so a change made during the read reaches the listeners either way. Call it outside any transaction.
     */
    public void refresh() {
        QueryCursor<?> old;
        synchronized (this) {
            old = changeFeed;
            changeFeed = null;
            rules = null;
        }
        if (old != null) {
            try {
                old.close();
            } catch (RuntimeException e) {
                // The feed of a cluster that is gone may fail to close; the new one replaces it either way.
            }
        }
        list().forEach(rule -> listeners.forEach(listener -> listener.accept(rule)));
    }

    /** The rule cache, with this node's change listener registered before the first read. */
    private IgniteCache<String, StoredRule> rules() {
        IgniteCache<String, StoredRule> cache = rules;
        if (cache != null) {
            return cache;
        }
        synchronized (this) {
            if (rules == null) {
                IgniteCache<String, StoredRule> created = translated(() -> store.cache(RULES));
                ContinuousQuery<String, StoredRule> query = new ContinuousQuery<>();
                query.setLocalListener(events -> events.forEach(this::publish));
                changeFeed = translated(() -> created.query(query));
                rules = created;
            }
            return rules;
        }
    }

    private void publish(Cache.Entry<? extends String, ? extends StoredRule> event) {
        StoredRule stored = event.getValue();
        if (stored == null) {
            return;
        }
        RegisteredRule rule = stored.toRegistered();
        listeners.forEach(listener -> listener.accept(rule));
    }

    private <T> T translated(Supplier<T> work) {
        try {
            return store.call(work);
        } catch (StoreUnavailableException e) {
            throw new RuleStoreUnavailableException("the rule store is unavailable: " + e.getMessage(), e);
        }
    }
}
