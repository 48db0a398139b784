package dev.numgen.ignite.sequence;

import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.ignite.store.StoreUnavailableException;
import dev.numgen.rule.PrefixRule;
import dev.numgen.rule.RuleRegistry;
import dev.numgen.rule.RuleStoreUnavailableException;
import dev.numgen.rule.Strategy;
import dev.numgen.sequence.CounterKey;
import dev.numgen.sequence.IssueRecords;
import dev.numgen.sequence.SequenceUnavailableException;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.configuration.CacheConfiguration;

/**
 * Issuing records in a REPLICATED, TRANSACTIONAL, FULL_SYNC cache, each written in a pessimistic transaction that
 * first locks the rule and checks that it still uses the strategy. A rule change locks the rule first too and reads
 * the record ({@link IgniteIssuedValues}) before it commits, so the two are ordered on the rule's lock, whichever
 * nodes they run on: a record committed first makes the change see it and refuse; a change committed first makes the
 * record see the new strategy and refuse, so the stale node issues nothing. The commit returns once every copy is
 * written, so the record is durable before the caller hands out an id.
 *
 * <p>Lock order is rule, record, the same as a rule change's (rule, highest, record), so the two cannot deadlock.
 */
public final class IgniteIssueRecords implements IssueRecords {

    /** Prefix key → the strategy its rule issued under (absent: no such record). */
    static final CacheConfiguration<String, String> ISSUING =
            IgniteStore.replicatedTransactional("numgen-issuing-rules");

    private final IgniteStore store;
    private final RuleRegistry rules;

    public IgniteIssueRecords(IgniteStore store, RuleRegistry rules) {
        this.store = store;
        this.rules = rules;
        store.declare(ISSUING);
    }

    @Override
    public void recordIssuing(CounterKey key, Strategy strategy) {
        try {
            IgniteCache<String, String> issuing = store.cache(ISSUING);
            store.inTransaction(() -> {
                PrefixRule rule = CounterCaches.ruleOf(rules, key);
                if (rule.strategy() != strategy) {
                    throw new SequenceUnavailableException(
                            key,
                            "the rule now uses " + rule.strategy() + ", not " + strategy
                                    + "; this node has not seen that version yet",
                            null);
                }
                if (issuing.get(key.prefixKey()) == null) {
                    issuing.put(key.prefixKey(), strategy.name());
                }
                return null;
            });
        } catch (StoreUnavailableException | RuleStoreUnavailableException e) {
            throw new SequenceUnavailableException(key, e.getMessage(), e);
        }
    }
}
