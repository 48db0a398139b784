package dev.numgen.ignite.store;

import dev.numgen.ignite.cluster.MajorityTopologyValidator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import javax.cache.CacheException;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cache.CacheAtomicityMode;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.cluster.ClusterState;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.transactions.Transaction;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionIsolation;
import org.apache.ignite.transactions.TransactionOptimisticException;

/**
 * The feature adapters' way into the cluster: caches by name (created on first use once the
 * cluster is active) and transactions. Every failure to reach the cluster surfaces as {@link
 * StoreUnavailableException}, which each adapter turns into its own domain exception.
 */
public final class IgniteStore {

    /** A transaction that cannot finish within this (locks, a node failing) is rolled back. */
    private static final long TRANSACTION_TIMEOUT_MILLIS = 10_000;

    private final Ignite ignite;
    private final Duration activationTimeout;
    private final Map<String, CacheConfiguration<?, ?>> declared = new LinkedHashMap<>();
    private final ConcurrentMap<String, IgniteCache<?, ?>> caches = new ConcurrentHashMap<>();
    private volatile boolean created;

    public IgniteStore(Ignite ignite, Duration activationTimeout) {
        this.ignite = ignite;
        this.activationTimeout = activationTimeout;
    }

    /**
     * A TRANSACTIONAL, REPLICATED, FULL_SYNC cache: every server holds every entry and a commit
     * returns only once every copy is written, so any node may read what was acknowledged. It
     * accepts writes only while a majority of the baseline is present ({@link
     * MajorityTopologyValidator}).
     */
    public static <K, V> CacheConfiguration<K, V> replicatedTransactional(String name) {
        return new CacheConfiguration<K, V>(name)
                .setCacheMode(CacheMode.REPLICATED)
                .setAtomicityMode(CacheAtomicityMode.TRANSACTIONAL)
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC)
                .setReadFromBackup(true)
                .setTopologyValidator(new MajorityTopologyValidator());
    }

    /**
     * Declares a cache an adapter will use. Declared caches are created together, outside any
     * transaction (Ignite cannot create a cache inside one), before the first use of any.
     */
    public synchronized <K, V> void declare(CacheConfiguration<K, V> configuration) {
        declared.putIfAbsent(configuration.getName(), configuration);
        created = false;
    }

    @SuppressWarnings("unchecked")
    public <K, V> IgniteCache<K, V> cache(CacheConfiguration<K, V> configuration) {
        if (!created) {
            createDeclaredCaches();
        }
        IgniteCache<?, ?> cache = caches.get(configuration.getName());
        if (cache == null) {
            throw new IllegalArgumentException("cache " + configuration.getName() + " was not declared");
        }
        return (IgniteCache<K, V>) cache;
    }

    private synchronized void createDeclaredCaches() {
        if (created) {
            return;
        }
        awaitActive();
        call(() -> {
            // getOrCreateCache also every time after reopen(): it is what restarts a reconnected client's caches.
            declared.values()
                    .forEach(configuration ->
                            caches.put(configuration.getName(), ignite.getOrCreateCache(configuration)));
            return null;
        });
        created = true;
    }

    /**
     * Opens the declared caches again before their next use. For a client node that reconnected: when the cluster
     * restarted meanwhile, Ignite starts each cache on the client anew at its first use, which it cannot do inside a
     * transaction (where an adapter may first touch a cache), so they are opened here first, outside any.
     */
    public synchronized void reopen() {
        created = false;
    }

    /** This node's consistent id, which names it in what it records. */
    public String nodeName() {
        return String.valueOf(ignite.cluster().localNode().consistentId());
    }

    /** Runs {@code work} in a pessimistic, repeatable-read transaction and commits it. */
    public <T> T inTransaction(Supplier<T> work) {
        return inTransaction(TransactionConcurrency.PESSIMISTIC, TransactionIsolation.REPEATABLE_READ, work);
    }

    /**
     * Runs {@code work} in an optimistic, serializable transaction: nothing is locked, and the
     * commit fails with {@link TransactionConflictException} when another transaction changed what
     * {@code work} read. The caller decides whether to try again.
     */
    public <T> T inOptimisticTransaction(Supplier<T> work) {
        return inTransaction(TransactionConcurrency.OPTIMISTIC, TransactionIsolation.SERIALIZABLE, work);
    }

    private <T> T inTransaction(TransactionConcurrency concurrency, TransactionIsolation isolation, Supplier<T> work) {
        if (!created) {
            createDeclaredCaches();
        }
        awaitActive();
        return call(() -> {
            try (Transaction tx =
                    ignite.transactions().txStart(concurrency, isolation, TRANSACTION_TIMEOUT_MILLIS, 0)) {
                T result = work.get();
                tx.commit();
                return result;
            } catch (TransactionOptimisticException e) {
                throw new TransactionConflictException(e);
            }
        });
    }

    /** Runs a read or write against the cluster, translating its failures. */
    public <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (IgniteException | CacheException | IllegalStateException e) {
            // Cluster inactive, node stopping, lost partitions, transaction timeouts: numgen's own
            // exceptions from inside a transaction are none of these and pass through.
            throw new StoreUnavailableException(e);
        }
    }

    /**
     * Whether this node's side of the cluster is active and holds a majority of the baseline now, so that the caches
     * take writes ({@link MajorityTopologyValidator}); false on a stopping node. For an adapter to tell, after a write
     * failed, a node cut off from the majority from a store that failed otherwise.
     */
    public boolean holdsMajority() {
        try {
            return isActive() && MajorityTopologyValidator.admitsWrites(ignite);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean isActive() {
        try {
            return ignite.cluster().state() == ClusterState.ACTIVE;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void awaitActive() {
        long deadline = System.nanoTime() + activationTimeout.toNanos();
        while (!isActive()) {
            if (System.nanoTime() > deadline) {
                throw new StoreUnavailableException("the cluster is not active");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("interrupted while waiting for the cluster");
            }
        }
    }
}
