package dev.numgen.issue;

import dev.numgen.sequence.CounterKey;
import java.util.List;

/**
 * The issuance register of GAPLESS counters, shared by every node and durable: one {@link RegisterRecord} per
 * committed request (a range of values, never one entry per number), written in the transaction that takes the values,
 * so no value is committed without its record. Records are kept as long as the rule exists (rules are never removed).
 */
public interface IssuanceRegister {

    /**
     * Records a request's values inside the transaction of the GAPLESS take that took them (see {@link
     * dev.numgen.sequence.GaplessClaim#record}), stamped with this node and the time; it commits with that take or not
     * at all.
     *
     * @param idempotencyKey the request's Idempotency-Key, or null
     */
    void record(CounterKey counter, long first, long step, List<String> numbers, String subject, String idempotencyKey);

    /**
     * The counter's records in value order: first the last one that starts at or before {@code from} (when one does),
     * then those after it, at most {@code limit}.
     */
    List<RegisterRecord> records(CounterKey counter, long from, int limit);

    /** The prefix's counters that hold records, in id order. */
    List<CounterKey> counters(String prefixKey);
}
