package dev.numgen.ignite.sequence;

import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.ignite.store.StoreUnavailableException;
import dev.numgen.rule.IssuedValues;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.RuleStoreUnavailableException;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The highest value reserved for a prefix, and whether its rule is recorded as issuing ({@link IgniteIssueRecords}).
 * Read inside a rule change's transaction, each read locks its entry, so no block can be reserved and no record
 * written between the check and the change's commit.
 */
public final class IgniteIssuedValues implements IssuedValues {

    private final IgniteStore store;

    public IgniteIssuedValues(IgniteStore store) {
        this.store = store;
        store.declare(CounterCaches.HIGHEST);
        store.declare(IgniteIssueRecords.ISSUING);
    }

    @Override
    public OptionalLong highest(PrefixKey key) {
        Long highest = translated(() -> store.cache(CounterCaches.HIGHEST).get(key.value()));
        return highest == null ? OptionalLong.empty() : OptionalLong.of(highest);
    }

    @Override
    public boolean issuedAny(PrefixKey key) {
        return highest(key).isPresent()
                || translated(() -> store.cache(IgniteIssueRecords.ISSUING).get(key.value())) != null;
    }

    private <T> T translated(Supplier<T> read) {
        try {
            return store.call(read);
        } catch (StoreUnavailableException e) {
            throw new RuleStoreUnavailableException("counter state is unavailable: " + e.getMessage(), e);
        }
    }
}
