package dev.numgen.issue;

import java.time.Instant;
import java.util.List;

/**
 * Values {@code from}..{@code to} of one GAPLESS counter, each with its state, in value order, at most a page: {@code
 * nextFrom} is where the next page starts, or null when the range is done. Values above the counter's highest are not
 * issued yet and not listed.
 */
public record RegisterPage(String prefixKey, String counter, long from, long to, List<Entry> entries, Long nextFrom) {

    public enum State {
        /** Issued in a committed request, which the entry names. */
        ISSUED,
        /** Issued (or, for a value without a record, only voided) and voided since. */
        VOIDED,
        /** Neither issued in any record nor voided: a gap nobody accounted for. */
        MISSING
    }

    /**
     * One value: its number as rendered (null when missing), its state, the request that took it (null when missing)
     * and its void (null unless voided).
     */
    public record Entry(long value, String number, State state, Issued issued, VoidedNumber voided) {}

    /** The register record of the request that took a value, without its numbers. */
    public record Issued(
            long first, long last, String subject, String idempotencyKey, String node, Instant committedAt) {

        static Issued of(RegisterRecord record) {
            return new Issued(
                    record.first(),
                    record.last(),
                    record.subject(),
                    record.idempotencyKey(),
                    record.node(),
                    record.committedAt());
        }
    }
}
