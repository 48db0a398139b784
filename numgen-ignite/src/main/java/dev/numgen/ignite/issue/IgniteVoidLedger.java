package dev.numgen.ignite.issue;

import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.ignite.store.StoreUnavailableException;
import dev.numgen.issue.VoidLedger;
import dev.numgen.issue.VoidedNumber;
import dev.numgen.rule.RuleStoreUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.configuration.CacheConfiguration;

/** Voids in a REPLICATED, TRANSACTIONAL, FULL_SYNC cache, keyed by prefix and number. */
public final class IgniteVoidLedger implements VoidLedger {

    static final CacheConfiguration<String, StoredVoid> VOIDS = IgniteStore.replicatedTransactional("numgen-voids");

    private final IgniteStore store;

    public IgniteVoidLedger(IgniteStore store) {
        this.store = store;
        store.declare(VOIDS);
    }

    @Override
    public boolean add(VoidedNumber voided) {
        return translated(
                () -> store.cache(VOIDS).putIfAbsent(id(voided.prefixKey(), voided.number()), StoredVoid.of(voided)));
    }

    @Override
    public List<VoidedNumber> list(String prefixKey) {
        return translated(() -> {
            List<VoidedNumber> voids = new ArrayList<>();
            String prefix = prefixKey + '\u0000';
            try (var cursor = store.cache(VOIDS)
                    .query(new ScanQuery<String, StoredVoid>((id, stored) -> id.startsWith(prefix)))) {
                cursor.forEach(entry -> voids.add(entry.getValue().toVoided()));
            }
            voids.sort(Comparator.comparing(VoidedNumber::voidedAt).thenComparing(VoidedNumber::sequence));
            return voids;
        });
    }

    private static String id(String prefixKey, String number) {
        return prefixKey + '\u0000' + number;
    }

    private <T> T translated(Supplier<T> work) {
        try {
            return store.call(work);
        } catch (StoreUnavailableException e) {
            throw new RuleStoreUnavailableException("the void ledger is unavailable: " + e.getMessage(), e);
        }
    }

    /** One void in the cluster. */
    static final class StoredVoid {
        String prefixKey;
        String number;
        long sequence;
        String reason;
        String voidedBy;
        long voidedAtMillis;

        static StoredVoid of(VoidedNumber voided) {
            StoredVoid stored = new StoredVoid();
            stored.prefixKey = voided.prefixKey();
            stored.number = voided.number();
            stored.sequence = voided.sequence();
            stored.reason = voided.reason();
            stored.voidedBy = voided.voidedBy();
            stored.voidedAtMillis = voided.voidedAt().toEpochMilli();
            return stored;
        }

        VoidedNumber toVoided() {
            return new VoidedNumber(
                    prefixKey, number, sequence, reason, voidedBy, Instant.ofEpochMilli(voidedAtMillis));
        }
    }
}
