package dev.numgen.ignite.sequence;

import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.ignite.store.StoreUnavailableException;
import dev.numgen.rule.IssuedValues;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.RuleStoreUnavailableException;
import java.util.OptionalLong;

/**
 * The highest value reserved for a prefix. Read inside a rule change's transaction, the read
 * locks the entry, so no block can be reserved between the check and the change's commit.
 */
public final class IgniteIssuedValues implements IssuedValues {

    private final IgniteStore store;

    public IgniteIssuedValues(IgniteStore store) {
        this.store = store;
        store.declare(CounterCaches.HIGHEST);
    }

    @Override
    public OptionalLong highest(PrefixKey key) {
        try {
            Long highest = store.call(() -> store.cache(CounterCaches.HIGHEST).get(key.value()));
            return highest == null ? OptionalLong.empty() : OptionalLong.of(highest);
        } catch (StoreUnavailableException e) {
            throw new RuleStoreUnavailableException("counter state is unavailable: " + e.getMessage(), e);
        }
    }
}
