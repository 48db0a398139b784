package dev.numgen.issue.ignite;

import dev.numgen.issue.IdempotencyKeyBusyException;
import dev.numgen.issue.IdempotencyKeyReusedException;
import dev.numgen.issue.IdempotencyStore;
import dev.numgen.issue.IdempotencyStoreUnavailableException;
import dev.numgen.issue.IssuedNumbers;
import dev.numgen.system.ignite.IgniteStore;
import dev.numgen.system.ignite.StoreUnavailableException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.configuration.CacheConfiguration;

/**
 * Idempotency-Key results in a replicated cache, so a retry on any node finds them. A claim is
 * an atomic putIfAbsent of a pending entry that expires after a minute (a node that dies while
 * answering does not block the key for a day); the answered entry lives 24 hours.
 */
public final class IgniteIdempotencyStore implements IdempotencyStore {

    static final CacheConfiguration<String, StoredIdempotentResult> RESULTS =
            IgniteStore.<String, StoredIdempotentResult>replicatedTransactional("numgen-idempotency")
                    .setEagerTtl(true);

    private static final Duration PENDING = new Duration(TimeUnit.MINUTES, 1);
    private static final Duration ANSWERED = new Duration(TimeUnit.HOURS, 24);

    private final IgniteStore store;

    public IgniteIdempotencyStore(IgniteStore store) {
        this.store = store;
        store.declare(RESULTS);
    }

    @Override
    public Optional<IssuedNumbers> claim(String caller, String key, String fingerprint) {
        String id = id(caller, key);
        return translated(key, () -> {
            IgniteCache<String, StoredIdempotentResult> results = store.cache(RESULTS);
            StoredIdempotentResult known = results.get(id);
            if (known == null) {
                boolean claimed = results.withExpiryPolicy(new CreatedExpiryPolicy(PENDING))
                        .putIfAbsent(id, StoredIdempotentResult.pending(fingerprint));
                if (claimed) {
                    return Optional.empty();
                }
                known = results.get(id);
                if (known == null) {
                    throw new IdempotencyKeyBusyException(key);
                }
            }
            if (!known.fingerprint.equals(fingerprint)) {
                throw new IdempotencyKeyReusedException(key);
            }
            if (!known.complete) {
                throw new IdempotencyKeyBusyException(key);
            }
            return Optional.of(known.toIssued());
        });
    }

    @Override
    public void complete(String caller, String key, String fingerprint, IssuedNumbers issued) {
        translated(key, () -> {
            store.cache(RESULTS)
                    .withExpiryPolicy(new ModifiedExpiryPolicy(ANSWERED))
                    .put(id(caller, key), StoredIdempotentResult.complete(fingerprint, issued));
            return null;
        });
    }

    @Override
    public void release(String caller, String key) {
        translated(key, () -> store.cache(RESULTS).remove(id(caller, key)));
    }

    /** Length-prefixed, so no caller and key can be mistaken for another pair. */
    private static String id(String caller, String key) {
        return caller.length() + ":" + caller + key;
    }

    private <T> T translated(String key, Supplier<T> work) {
        try {
            return store.call(work);
        } catch (StoreUnavailableException e) {
            throw new IdempotencyStoreUnavailableException(
                    "the Idempotency-Key store is unavailable: " + e.getMessage(), e);
        }
    }
}
