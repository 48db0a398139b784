package dev.numgen.issue;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A fake {@link IdempotencyStore}: one process, a lock instead of a transaction. It counts each client's claims per
 * hour, for 26 hours, and caps keys, numbers and clients as the cluster's store does. Records never expire here (the
 * cluster's expire by their own time, 1 minute pending, 24 hours answered, which no test moves).
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private static final long HOUR_MILLIS = 3_600_000;
    private static final int HOURS = 26;

    /** A claim's fingerprint and, once answered, its numbers; a pending one keeps what its ledger counted. */
    private record Result(String fingerprint, IssuedNumbers issued, int count, long claimedAtMillis) {}

    private final IdempotencyLimits limits;
    private final Clock clock;
    private final Map<String, Result> results = new HashMap<>();
    private final Map<String, Ledger> ledgers = new HashMap<>();
    private int claims;

    public InMemoryIdempotencyStore() {
        this(IdempotencyLimits.DEFAULTS, Clock.systemUTC());
    }

    public InMemoryIdempotencyStore(IdempotencyLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public synchronized Optional<IssuedNumbers> claim(String caller, String key, String fingerprint, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a claim counts 1 or more numbers, not " + count);
        }
        claims++;
        Result known = results.get(id(caller, key));
        if (known != null) {
            if (!known.fingerprint().equals(fingerprint)) {
                throw new IdempotencyKeyReusedException(key);
            }
            if (known.issued() == null) {
                throw new IdempotencyKeyBusyException(key);
            }
            return Optional.of(known.issued());
        }
        long now = countInLedger(caller, count);
        results.put(id(caller, key), new Result(fingerprint, null, count, now));
        return Optional.empty();
    }

    private long countInLedger(String caller, int count) {
        long now = clock.millis();
        Ledger ledger = ledgers.get(caller);
        if (ledger == null) {
            if (ledgers.size() >= limits.clients()) {
                throw new IdempotencyLimitException(
                        "records of " + limits.clients() + " clients are held", secondsUntilALedgerExpires(now));
            }
            ledger = new Ledger();
        }
        ledger.claim(now, count, limits);
        ledger.expiresAtMillis = now + HOURS * HOUR_MILLIS;
        ledgers.put(caller, ledger);
        return now;
    }

    @Override
    public synchronized long count(String caller, String key, int numbers) {
        if (numbers < 1) {
            throw new IllegalArgumentException("a key counts 1 or more numbers, not " + numbers);
        }
        return countInLedger(caller, numbers);
    }

    @Override
    public synchronized void uncount(String caller, String key, long countedAtMillis, int numbers) {
        Ledger ledger = ledgers.get(caller);
        if (ledger != null) {
            ledger.release(countedAtMillis, numbers);
            long now = clock.millis();
            if (ledger.holdsNothing(now) || ledger.expiresAtMillis <= now) {
                ledgers.remove(caller);
            }
        }
    }

    /** The lock of the cluster's store is this store's monitor, held only for the call. */
    @Override
    public synchronized KeyLookup lookUpInTransaction(String caller, String key, String fingerprint) {
        Result known = results.get(id(caller, key));
        if (known == null) {
            return KeyLookup.FREE;
        }
        if (!known.fingerprint().equals(fingerprint)) {
            return KeyLookup.OTHER_PARAMETERS;
        }
        return known.issued() == null ? KeyLookup.PENDING : KeyLookup.answered(known.issued());
    }

    @Override
    public synchronized Optional<IssuedNumbers> answered(String caller, String key, String fingerprint) {
        Result known = results.get(id(caller, key));
        return known != null && known.issued() != null && known.fingerprint().equals(fingerprint)
                ? Optional.of(known.issued())
                : Optional.empty();
    }

    @Override
    public synchronized void complete(String caller, String key, String fingerprint, IssuedNumbers issued) {
        results.put(id(caller, key), new Result(fingerprint, issued, 0, 0));
    }

    @Override
    public void completeInTransaction(String caller, String key, String fingerprint, IssuedNumbers issued) {
        complete(caller, key, fingerprint, issued);
    }

    @Override
    public synchronized void release(String caller, String key) {
        Result claimed = results.remove(id(caller, key));
        Ledger ledger = ledgers.get(caller);
        if (claimed != null && ledger != null) {
            ledger.release(claimed.claimedAtMillis(), claimed.count());
            long now = clock.millis();
            if (ledger.holdsNothing(now) || ledger.expiresAtMillis <= now) {
                ledgers.remove(caller);
            }
        }
    }

    /** How many claims were asked for, answered or refused. */
    public synchronized int claims() {
        return claims;
    }

    /** Whether anything, pending or answered, is held for the key. */
    public synchronized boolean holds(String caller, String key) {
        return results.containsKey(id(caller, key));
    }

    private long secondsUntilALedgerExpires(long now) {
        long first = now + HOURS * HOUR_MILLIS;
        for (Ledger ledger : ledgers.values()) {
            first = Math.min(first, ledger.expiresAtMillis);
        }
        return Math.max(1, (first - now + 999) / 1000);
    }

    private static String id(String caller, String key) {
        return IdempotencyStore.recordId(caller, key);
    }

    /** How many clients hold a ledger. */
    public synchronized int clients() {
        return ledgers.size();
    }

    /** One client's claims: keys and numbers per hour; an hour 26 or more hours ago counts nothing. */
    private static final class Ledger {
        final TreeMap<Long, long[]> hours = new TreeMap<>();
        long expiresAtMillis;

        void claim(long now, int count, IdempotencyLimits limits) {
            long hour = now / HOUR_MILLIS;
            hours.headMap(hour - HOURS, true).clear();
            long keysHeld = hours.values().stream().mapToLong(held -> held[0]).sum();
            long numbersHeld =
                    hours.values().stream().mapToLong(held -> held[1]).sum();
            long keysOver = keysHeld + 1 - limits.keysPerClient();
            long numbersOver = numbersHeld + count - limits.numbersPerClient();
            if (keysOver > 0 || numbersOver > 0) {
                throw new IdempotencyLimitException(
                        "this client holds " + keysHeld + " keys and " + numbersHeld + " numbers",
                        secondsUntilFreed(now, keysOver, numbersOver));
            }
            long[] held = hours.computeIfAbsent(hour, absent -> new long[2]);
            held[0]++;
            held[1] += count;
        }

        void release(long claimedAtMillis, int count) {
            long[] held = hours.get(claimedAtMillis / HOUR_MILLIS);
            if (held != null) {
                held[0] = Math.max(0, held[0] - 1);
                held[1] = Math.max(0, held[1] - count);
            }
        }

        boolean holdsNothing(long now) {
            return hours.tailMap(now / HOUR_MILLIS - HOURS, false).values().stream()
                    .allMatch(held -> held[0] == 0 && held[1] == 0);
        }

        /** When enough of the oldest hours will have stopped counting. */
        private long secondsUntilFreed(long now, long keysOver, long numbersOver) {
            for (Map.Entry<Long, long[]> oldest : hours.entrySet()) {
                keysOver -= oldest.getValue()[0];
                numbersOver -= oldest.getValue()[1];
                if (keysOver <= 0 && numbersOver <= 0) {
                    return Math.max(1, ((oldest.getKey() + HOURS) * HOUR_MILLIS - now + 999) / 1000);
                }
            }
            return HOURS * HOUR_MILLIS / 1000;
        }
    }
}
