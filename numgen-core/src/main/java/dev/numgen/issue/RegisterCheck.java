package dev.numgen.issue;

import java.util.List;

/**
 * Whether each GAPLESS counter of a prefix is complete: every value from its first to its highest issued (in a register
 * record) or voided. {@code missing} lists the first {@link IssuanceAudit#MAX_MISSING_LISTED} values that are neither;
 * {@code missingCount} counts them all.
 */
public record RegisterCheck(String prefixKey, boolean complete, List<Counter> counters) {

    /** One counter: its qualifier ({@code ""} for a rule with one counter) and what its register holds. */
    public record Counter(
            String counter,
            long first,
            long highest,
            long records,
            long issued,
            long voided,
            long missingCount,
            List<Long> missing,
            boolean complete) {}
}
