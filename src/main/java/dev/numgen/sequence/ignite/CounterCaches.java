package dev.numgen.sequence.ignite;

import dev.numgen.system.ignite.IgniteStore;
import org.apache.ignite.configuration.CacheConfiguration;

/** The caches behind counters; both REPLICATED, TRANSACTIONAL, FULL_SYNC. */
final class CounterCaches {

    /** Counter id → the last value reserved for any node (absent: nothing reserved yet). */
    static final CacheConfiguration<String, Long> COUNTERS = IgniteStore.replicatedTransactional("numgen-counters");

    /** Prefix key → the highest value reserved across all of its counters. */
    static final CacheConfiguration<String, Long> HIGHEST =
            IgniteStore.replicatedTransactional("numgen-counter-highest");

    private CounterCaches() {}
}
