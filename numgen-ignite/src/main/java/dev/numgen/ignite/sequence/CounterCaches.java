package dev.numgen.ignite.sequence;

import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.PrefixRule;
import dev.numgen.rule.RegisteredRule;
import dev.numgen.rule.RuleRegistry;
import dev.numgen.rule.UnknownPrefixException;
import dev.numgen.sequence.CounterKey;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.configuration.CacheConfiguration;

/**
 * The caches behind counters (both REPLICATED, TRANSACTIONAL, FULL_SYNC) and the steps SEGMENT reservations and
 * GAPLESS takes share inside their transactions, in the lock order rule, counter, highest.
 */
final class CounterCaches {

    /** Counter id → the last value reserved for any node (absent: nothing reserved yet). */
    static final CacheConfiguration<String, Long> COUNTERS = IgniteStore.replicatedTransactional("numgen-counters");

    /** Prefix key → the highest value reserved across all of its counters. */
    static final CacheConfiguration<String, Long> HIGHEST =
            IgniteStore.replicatedTransactional("numgen-counter-highest");

    private CounterCaches() {}

    /** The rule of the counter's prefix, read (and in a pessimistic transaction locked) first. */
    static PrefixRule ruleOf(RuleRegistry rules, CounterKey key) {
        return rules.find(new PrefixKey(key.prefixKey()))
                .map(RegisteredRule::rule)
                .orElseThrow(() -> new UnknownPrefixException(key.prefixKey()));
    }

    /** Records {@code last} as the counter's last taken value and raises its prefix's highest to it. */
    static void advance(
            IgniteCache<String, Long> counters, IgniteCache<String, Long> highest, CounterKey key, long last) {
        counters.put(key.id(), last);
        Long highestSoFar = highest.get(key.prefixKey());
        if (highestSoFar == null || highestSoFar < last) {
            highest.put(key.prefixKey(), last);
        }
    }
}
