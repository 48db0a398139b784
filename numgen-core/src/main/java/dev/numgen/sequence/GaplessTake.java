package dev.numgen.sequence;

import dev.numgen.rule.PrefixRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The steps every {@link GaplessStore} runs inside its transaction once it has read the rule and the counter: prepare
 * the claims in lock order, choose the values of those that take any, hand each its share to record. The store then
 * writes the returned last value as the counter's and commits.
 */
public final class GaplessTake {

    private static final Comparator<GaplessClaim> LOCK_ORDER = Comparator.comparing(GaplessClaim::lockKey);

    private GaplessTake() {}

    /**
     * @param last the counter's last value as the transaction read it, or null when none was taken
     * @return the counter's new last value, or null when no claim took a value (the counter stays as it was)
     */
    public static Long serve(
            CounterKey key,
            PrefixRule rule,
            Long last,
            List<? extends GaplessClaim> claims,
            GaplessStore.NextValues next) {
        List<GaplessClaim> ordered = new ArrayList<>(claims);
        ordered.sort(LOCK_ORDER);
        List<GaplessClaim> taking = new ArrayList<>(ordered.size());
        int total = 0;
        for (GaplessClaim claim : ordered) {
            if (claim.prepare()) {
                taking.add(claim);
                total += claim.count();
            }
        }
        if (total == 0) {
            return null;
        }
        long[] values = next.after(key, rule, last, total);
        if (values.length != total) {
            throw new IllegalStateException("asked for " + total + " values of " + key + ", chose " + values.length);
        }
        int offset = 0;
        for (GaplessClaim claim : taking) {
            long[] share = new long[claim.count()];
            System.arraycopy(values, offset, share, 0, share.length);
            offset += share.length;
            claim.record(key, rule, share);
        }
        return values[values.length - 1];
    }
}
