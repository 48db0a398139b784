package dev.numgen.ignite.sequence;

import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.ignite.store.StoreUnavailableException;
import dev.numgen.sequence.CounterKey;
import dev.numgen.sequence.SequenceUnavailableException;
import dev.numgen.sequence.WorkerLease;
import dev.numgen.sequence.WorkerLeases;
import dev.numgen.time.DaemonTimer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.configuration.CacheConfiguration;

/**
 * Worker ids leased from a replicated cache. A lease is written for {@code ttl}; this node
 * treats it as valid only until {@code ttl - margin} after it started renewing, and another
 * node takes an expired id only {@code margin} after its expiry. So as long as clocks differ by
 * less than the margin, two nodes never hold one id at the same time: a node that cannot renew
 * stops issuing before anyone else may start. A heartbeat renews at a third of the ttl.
 */
public final class IgniteWorkerLeases implements WorkerLeases, AutoCloseable {

    static final CacheConfiguration<Integer, StoredLease> LEASES =
            IgniteStore.replicatedTransactional("numgen-worker-leases");
    private static final CounterKey ANY = new CounterKey("SNOWFLAKE", "");

    private final IgniteStore store;
    private final String owner;
    private final Clock clock;
    private final long ttlMillis;
    private final long marginMillis;
    private final int workers;
    private final ScheduledExecutorService heartbeat;
    private volatile WorkerLease lease;

    public IgniteWorkerLeases(
            IgniteStore store, String owner, Clock clock, Duration ttl, Duration margin, int workers) {
        if (margin.compareTo(ttl) >= 0) {
            throw new IllegalArgumentException("the lease margin must be shorter than its ttl");
        }
        this.store = store;
        this.owner = owner;
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.marginMillis = margin.toMillis();
        this.workers = workers;
        store.declare(LEASES);
        this.heartbeat = DaemonTimer.named("numgen-worker-lease");
        long period = Math.max(1, ttlMillis / 3);
        heartbeat.scheduleWithFixedDelay(this::renewQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public WorkerLease current() {
        WorkerLease known = lease;
        if (known != null && clock.millis() < known.validUntilMillis()) {
            return known;
        }
        synchronized (this) {
            known = lease;
            if (known == null || clock.millis() >= known.validUntilMillis()) {
                known = renew();
            }
        }
        if (known == null) {
            throw new SequenceUnavailableException(ANY, "no worker id is free to lease", null);
        }
        return known;
    }

    private void renewQuietly() {
        try {
            synchronized (this) {
                if (lease != null) {
                    renew();
                }
            }
        } catch (RuntimeException e) {
            // The lease runs out on its own; current() refuses once it has.
        }
    }

    /** Renews the held id or takes a free one; called with the lock held. */
    private WorkerLease renew() {
        long startedAt = clock.millis();
        try {
            Integer held = lease == null ? null : lease.workerId();
            Integer id = store.inTransaction(() -> claim(held, startedAt));
            lease = id == null ? null : new WorkerLease(id, startedAt + ttlMillis - marginMillis);
            return lease;
        } catch (StoreUnavailableException e) {
            throw new SequenceUnavailableException(ANY, "worker leases are unavailable: " + e.getMessage(), e);
        }
    }

    private Integer claim(Integer held, long now) {
        IgniteCache<Integer, StoredLease> leases = store.cache(LEASES);
        if (held != null) {
            StoredLease current = leases.get(held);
            if (current != null && owner.equals(current.owner) && current.expiresAtMillis > now) {
                leases.put(held, StoredLease.of(owner, now + ttlMillis));
                return held;
            }
        }
        Set<Integer> ids = new TreeSet<>();
        for (int id = 0; id < workers; id++) {
            ids.add(id);
        }
        Map<Integer, StoredLease> all = leases.getAll(ids);
        for (int id = 0; id < workers; id++) {
            StoredLease current = all.get(id);
            if (current == null || current.expiresAtMillis + marginMillis <= now) {
                leases.put(id, StoredLease.of(owner, now + ttlMillis));
                return id;
            }
        }
        return null;
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
    }

    /** Who holds a worker id until when. */
    static final class StoredLease {
        String owner;
        long expiresAtMillis;

        static StoredLease of(String owner, long expiresAtMillis) {
            StoredLease lease = new StoredLease();
            lease.owner = owner;
            lease.expiresAtMillis = expiresAtMillis;
            return lease;
        }
    }
}
