package dev.numgen.ignite.issue;

import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.ignite.store.StoreUnavailableException;
import dev.numgen.issue.IdempotencyKeyBusyException;
import dev.numgen.issue.IdempotencyKeyReusedException;
import dev.numgen.issue.IdempotencyLimitException;
import dev.numgen.issue.IdempotencyLimits;
import dev.numgen.issue.IdempotencyStore;
import dev.numgen.issue.IdempotencyStoreUnavailableException;
import dev.numgen.issue.IssuedNumbers;
import dev.numgen.issue.KeyLookup;
import dev.numgen.issue.NoMajorityException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.configuration.CacheConfiguration;

/**
 * Idempotency-Key results in a replicated cache, so a retry on any node finds them. A claim is a pending entry that
 * expires after a minute (a node that dies while answering does not block the key for a day); the answered entry
 * lives 24 hours. Each client's claims are counted in its ledger, in the same transaction as the claim, and a claim
 * beyond its {@link IdempotencyLimits} is refused, so one client cannot fill the store. The ledger serializes one
 * client's new claims cluster-wide (one transaction each); replays and other clients are not held up. A ledger that
 * a release brings back to holding nothing is removed, so a client whose requests failed holds no client slot.
 *
 * <p>The cap on clients is checked against this node's count of ledgers without a cluster-wide lock: first claims
 * of different clients that run at the same moment can each see room for one more, so the cluster can hold up to
 * {@code clients - 1} plus the number of such concurrent first claims. Serializing them would put a cluster-wide
 * lock on every client's first claim.
 */
public final class IgniteIdempotencyStore implements IdempotencyStore {

    static final CacheConfiguration<String, StoredIdempotentResult> RESULTS =
            IgniteStore.<String, StoredIdempotentResult>replicatedTransactional("numgen-idempotency")
                    .setEagerTtl(true);
    static final CacheConfiguration<String, StoredLedger> LEDGERS =
            IgniteStore.<String, StoredLedger>replicatedTransactional("numgen-idempotency-ledgers")
                    .setEagerTtl(true);

    private static final Duration PENDING = new Duration(TimeUnit.MINUTES, 1);
    private static final Duration ANSWERED = new Duration(TimeUnit.HOURS, 24);
    private static final Duration LEDGER = new Duration(TimeUnit.HOURS, StoredLedger.HOURS);
    private static final long LEDGER_MILLIS = TimeUnit.HOURS.toMillis(StoredLedger.HOURS);

    private final IgniteStore store;
    private final IdempotencyLimits limits;
    private final Clock clock;

    public IgniteIdempotencyStore(IgniteStore store) {
        this(store, IdempotencyLimits.DEFAULTS, Clock.systemUTC());
    }

    public IgniteIdempotencyStore(IgniteStore store, IdempotencyLimits limits, Clock clock) {
        this.store = store;
        this.limits = limits;
        this.clock = clock;
        store.declare(RESULTS);
        store.declare(LEDGERS);
    }

    @Override
    public Optional<IssuedNumbers> claim(String caller, String key, String fingerprint, int count) {
        if (count < 1) {
            // A request is checked before it claims (IdempotentIssuer); a count below 1 would lower the ledger.
            throw new IllegalArgumentException("a claim counts 1 or more numbers, not " + count);
        }
        String id = id(caller, key);
        return translated(
                key,
                () -> store.inTransaction(() -> {
                    IgniteCache<String, StoredIdempotentResult> results = store.cache(RESULTS);
                    StoredIdempotentResult known = results.get(id);
                    if (known != null) {
                        if (!known.fingerprint.equals(fingerprint)) {
                            throw new IdempotencyKeyReusedException(key);
                        }
                        if (!known.complete) {
                            throw new IdempotencyKeyBusyException(key);
                        }
                        return Optional.of(known.toIssued());
                    }
                    long now = countInLedger(caller, count);
                    results.withExpiryPolicy(new CreatedExpiryPolicy(PENDING))
                            .put(id, StoredIdempotentResult.pending(fingerprint, count, now));
                    return Optional.empty();
                }));
    }

    /** Inside a transaction: counts a key and its numbers in the caller's ledger, within the limits. */
    private long countInLedger(String caller, int count) {
        long now = clock.millis();
        IgniteCache<String, StoredLedger> ledgers = store.cache(LEDGERS);
        StoredLedger ledger = ledgers.get(caller);
        if (ledger == null) {
            if (ledgers.localSizeLong(CachePeekMode.PRIMARY, CachePeekMode.BACKUP) >= limits.clients()) {
                throw new IdempotencyLimitException(
                        "the cluster holds Idempotency-Key records of " + limits.clients()
                                + " clients, as many as it may",
                        secondsUntilALedgerExpires(ledgers, now));
            }
            ledger = new StoredLedger();
        }
        ledger.claim(now, count, limits);
        ledger.expiresAtMillis = now + LEDGER_MILLIS;
        ledgers.withExpiryPolicy(new ModifiedExpiryPolicy(LEDGER)).put(caller, ledger);
        return now;
    }

    @Override
    public long count(String caller, String key, int numbers) {
        if (numbers < 1) {
            throw new IllegalArgumentException("a key counts 1 or more numbers, not " + numbers);
        }
        return translated(key, () -> store.inTransaction(() -> countInLedger(caller, numbers)));
    }

    @Override
    public void uncount(String caller, String key, long countedAtMillis, int numbers) {
        translated(
                key,
                () -> store.inTransaction(() -> {
                    uncountInLedger(caller, countedAtMillis, numbers);
                    return null;
                }));
    }

    /** Inside the GAPLESS take's transaction: no translation here, a failure fails the take. */
    @Override
    public KeyLookup lookUpInTransaction(String caller, String key, String fingerprint) {
        StoredIdempotentResult known = store.cache(RESULTS).get(id(caller, key));
        if (known == null) {
            return KeyLookup.FREE;
        }
        if (!known.fingerprint.equals(fingerprint)) {
            return KeyLookup.OTHER_PARAMETERS;
        }
        return known.complete ? KeyLookup.answered(known.toIssued()) : KeyLookup.PENDING;
    }

    /** Inside the GAPLESS take's transaction: no translation here, a failure fails the take. */
    @Override
    public void completeInTransaction(String caller, String key, String fingerprint, IssuedNumbers issued) {
        store.cache(RESULTS)
                .withExpiryPolicy(new ModifiedExpiryPolicy(ANSWERED))
                .put(id(caller, key), StoredIdempotentResult.complete(fingerprint, issued));
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
        translated(
                key,
                () -> store.inTransaction(() -> {
                    StoredIdempotentResult claimed = store.cache(RESULTS).getAndRemove(id(caller, key));
                    if (claimed != null) {
                        uncountInLedger(caller, claimed.claimedAtMillis, claimed.count);
                    }
                    return null;
                }));
    }

    /** Inside a transaction: takes a count off the caller's ledger; a ledger left holding nothing is removed. */
    private void uncountInLedger(String caller, long countedAtMillis, int count) {
        IgniteCache<String, StoredLedger> ledgers = store.cache(LEDGERS);
        StoredLedger ledger = ledgers.get(caller);
        if (ledger == null) {
            return;
        }
        ledger.release(countedAtMillis, count);
        long now = clock.millis();
        long left = ledger.expiresAtMillis == 0 ? LEDGER_MILLIS : ledger.expiresAtMillis - now;
        if (ledger.holdsNothing(now) || left <= 0) {
            ledgers.remove(caller);
        } else {
            // Keeps the ledger's expiry: a release is no claim.
            ledgers.withExpiryPolicy(new ModifiedExpiryPolicy(new Duration(TimeUnit.MILLISECONDS, left)))
                    .put(caller, ledger);
        }
    }

    @Override
    public Optional<IssuedNumbers> answered(String caller, String key, String fingerprint) {
        return translated(key, () -> {
            StoredIdempotentResult known = store.cache(RESULTS).get(id(caller, key));
            return known != null && known.complete && known.fingerprint.equals(fingerprint)
                    ? Optional.of(known.toIssued())
                    : Optional.empty();
        });
    }

    /**
     * The earliest moment a client slot frees by itself: when the ledger that expires first does (at most 26 hours;
     * a release that empties a ledger can free one sooner).
     */
    private static long secondsUntilALedgerExpires(IgniteCache<String, StoredLedger> ledgers, long now) {
        long first = now + LEDGER_MILLIS;
        for (Cache.Entry<String, StoredLedger> entry :
                ledgers.localEntries(CachePeekMode.PRIMARY, CachePeekMode.BACKUP)) {
            long expiresAt = entry.getValue().expiresAtMillis;
            if (expiresAt != 0) {
                first = Math.min(first, expiresAt);
            }
        }
        return Math.max(1, (first - now + 999) / 1000);
    }

    static String id(String caller, String key) {
        return IdempotencyStore.recordId(caller, key);
    }

    /**
     * A write the caches refused because this node's side of the cluster lost its majority is the no-majority refusal,
     * as the issuer answers it when it has already noticed: its view of the cluster is polled, so it can notice a
     * moment after the caches.
     */
    private <T> T translated(String key, Supplier<T> work) {
        try {
            return store.call(work);
        } catch (StoreUnavailableException e) {
            if (!store.holdsMajority()) {
                NoMajorityException refusal = NoMajorityException.forIdempotencyKey(key);
                refusal.initCause(e);
                throw refusal;
            }
            throw new IdempotencyStoreUnavailableException(
                    "the Idempotency-Key store is unavailable: " + e.getMessage(), e);
        }
    }
}
