package dev.numgen.sequence;

import dev.numgen.rule.Strategy;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The {@code SNOWFLAKE} strategy: 64-bit ids of 1 zero bit, 41 bits of milliseconds since
 * {@link #EPOCH} (good until 2095), 10 bits of leased worker id and 12 bits of per-millisecond
 * sequence (4,096 ids a millisecond per node). Ids are k-sorted by time; no coordination per id.
 *
 * <p>Never a duplicate: ids are issued only under a valid worker lease, and when the clock moves
 * backwards this waits up to {@code maxBackwardsMillis} for it to catch up, then refuses.
 *
 * <p>Nothing in the cluster counts SNOWFLAKE ids, so before a rule's first id leaves this node, the rule is recorded as
 * issuing ({@link IssueRecords}): from then on its strategy cannot change, which would let another strategy repeat an
 * id. Each rule is recorded once per process; every later id of it costs one volatile read.
 */
public final class SnowflakeSequence implements SequenceStrategy {

    public static final long EPOCH = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    public static final int WORKER_BITS = 10;
    public static final int SEQUENCE_BITS = 12;
    public static final int MAX_WORKERS = 1 << WORKER_BITS;
    private static final int SEQUENCE_MASK = (1 << SEQUENCE_BITS) - 1;
    private static final CounterKey ANY = new CounterKey("SNOWFLAKE", "");

    private final Clock clock;
    private final WorkerLeases leases;
    private final IssueRecords records;
    private final long maxBackwardsMillis;
    /** Prefix key → the rule's counter, which knows whether the rule is recorded as issuing. */
    private final ConcurrentMap<String, RuleCounter> counters = new ConcurrentHashMap<>();

    private long lastMillis = -1; // guarded by this
    private int sequence; // guarded by this

    public SnowflakeSequence(Clock clock, WorkerLeases leases, IssueRecords records, long maxBackwardsMillis) {
        this.clock = clock;
        this.leases = leases;
        this.records = records;
        this.maxBackwardsMillis = maxBackwardsMillis;
    }

    /**
     * Every counter key shares this node's one id stream, so ids are unique across all of them; the counters of one
     * rule (its reset buckets and variable values) are one counter.
     */
    @Override
    public Counter counter(CounterKey key) {
        RuleCounter counter = counters.get(key.prefixKey());
        return counter != null
                ? counter
                : counters.computeIfAbsent(key.prefixKey(), prefix -> new RuleCounter(new CounterKey(prefix, "")));
    }

    /** One rule's ids from the shared stream, the first of them only once the rule is recorded as issuing. */
    private final class RuleCounter implements Counter {

        private final CounterKey rule;
        /** Set once the record is durable; never cleared, since a record is never removed. */
        private volatile boolean recorded;

        RuleCounter(CounterKey rule) {
            this.rule = rule;
        }

        @Override
        public long next() {
            if (!recorded) {
                record();
            }
            return nextId();
        }

        @Override
        public long[] next(int count) {
            if (!recorded) {
                record();
            }
            long[] ids = new long[count];
            for (int i = 0; i < count; i++) {
                ids[i] = nextId();
            }
            return ids;
        }

        /**
         * Writes the record in the cluster, one thread at a time per rule and outside the id stream's lock, so the
         * other rules' ids are not held up; a failure leaves the rule unrecorded and hands out nothing.
         */
        private synchronized void record() {
            if (!recorded) {
                records.recordIssuing(rule, Strategy.SNOWFLAKE);
                recorded = true;
            }
        }
    }

    private synchronized long nextId() {
        long now = clock.millis();
        if (now < lastMillis) {
            now = waitForClock(lastMillis - now);
        }
        if (now == lastMillis) {
            sequence = (sequence + 1) & SEQUENCE_MASK;
            if (sequence == 0) {
                now = nextMillis(lastMillis);
            }
        } else {
            sequence = 0;
        }
        WorkerLease lease = leases.current();
        if (now >= lease.validUntilMillis()) {
            throw new SequenceUnavailableException(ANY, "the worker lease has run out", null);
        }
        lastMillis = now;
        return ((now - EPOCH) << (WORKER_BITS + SEQUENCE_BITS)) | ((long) lease.workerId() << SEQUENCE_BITS) | sequence;
    }

    private long waitForClock(long behind) {
        if (behind > maxBackwardsMillis) {
            throw new SequenceUnavailableException(
                    ANY,
                    "the clock moved back by " + behind + " ms, more than the " + maxBackwardsMillis + " ms tolerated",
                    null);
        }
        long deadline = System.nanoTime() + (maxBackwardsMillis + 1) * 1_000_000L;
        long now = clock.millis();
        while (now < lastMillis) {
            if (System.nanoTime() > deadline) {
                throw new SequenceUnavailableException(ANY, "the clock did not catch up after moving back", null);
            }
            Thread.onSpinWait();
            now = clock.millis();
        }
        return now;
    }

    private long nextMillis(long after) {
        long now = clock.millis();
        while (now <= after) {
            Thread.onSpinWait();
            now = clock.millis();
        }
        return now;
    }

    /** The millisecond an id was issued at. */
    public static long millisOf(long id) {
        return (id >>> (WORKER_BITS + SEQUENCE_BITS)) + EPOCH;
    }

    /** The worker id in an id. */
    public static int workerOf(long id) {
        return (int) ((id >>> SEQUENCE_BITS) & (MAX_WORKERS - 1));
    }
}
