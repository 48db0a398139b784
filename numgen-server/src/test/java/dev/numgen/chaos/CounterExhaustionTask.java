package dev.numgen.chaos;

import java.util.Locale;
import javax.cache.Cache;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * "Which counters are close to their {@code maxValue}?", answered on a server node next to the data: for every rule in
 * the node's own copy of the rule cache (REPLICATED), the highest value reserved across its counters against the
 * rule's {@code maxValue}. A compute task a client node deploys by peer class loading: it is in no jar the servers
 * run, so it shows what peer class loading is for, a question about the cluster's data that numgen's API does not
 * answer, asked without redeploying the servers.
 *
 * <p>It reads the caches through Ignite's binary form (rules) and plain longs (highest values), so it needs none of
 * numgen's storage classes. Its answer is text, one line per fact, so the caller needs no class of it either:
 * {@code node <consistent id> <client?> <class loader class> <task class>}, then per rule
 * {@code rule <prefix> <strategy> <highest> <maxValue> <fraction> <NEAR|ok>}.
 */
final class CounterExhaustionTask implements IgniteCallable<String> {

    private static final long serialVersionUID = 1L;

    /** The rule cache and the per-prefix highest values, as numgen-ignite names them. */
    static final String RULES = "numgen-rules";

    static final String HIGHEST = "numgen-counter-highest";

    /** A fraction of {@code maxValue} at or above which a counter is reported NEAR exhaustion. */
    private final double threshold;

    @IgniteInstanceResource
    private transient Ignite ignite;

    CounterExhaustionTask(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public String call() {
        StringBuilder report = new StringBuilder();
        report.append("node ")
                .append(ignite.cluster().localNode().consistentId())
                .append(' ')
                .append(ignite.cluster().localNode().isClient() ? "client" : "server")
                .append(' ')
                .append(getClass().getClassLoader().getClass().getName())
                .append(' ')
                .append(getClass().getName())
                .append('\n');
        IgniteCache<String, BinaryObject> rules =
                ignite.<String, Object>cache(RULES).withKeepBinary();
        IgniteCache<String, Long> highest = ignite.cache(HIGHEST);
        // Local: this node's own replica of each rule, no round trip.
        try (QueryCursor<Cache.Entry<String, BinaryObject>> cursor =
                rules.query(new ScanQuery<String, BinaryObject>().setLocal(true))) {
            for (Cache.Entry<String, BinaryObject> entry : cursor) {
                BinaryObject rule = entry.getValue();
                long maxValue = rule.<Long>field("maxValue");
                Long reserved = highest.get(entry.getKey());
                long high = reserved == null ? 0 : reserved;
                double fraction = maxValue <= 0 ? 0 : (double) high / maxValue;
                report.append(String.format(
                        Locale.ROOT,
                        "rule %s %s %d %d %.6f %s%n",
                        entry.getKey(),
                        rule.<String>field("strategy"),
                        high,
                        maxValue,
                        fraction,
                        fraction >= threshold ? "NEAR" : "ok"));
            }
        }
        return report.toString();
    }
}
