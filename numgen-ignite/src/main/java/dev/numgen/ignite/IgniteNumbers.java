package dev.numgen.ignite;

import dev.numgen.ignite.sequence.IgniteWorkerLeases;
import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.rule.Strategy;
import dev.numgen.sequence.BlockReserver;
import dev.numgen.sequence.GaplessCounter;
import dev.numgen.sequence.GaplessStore;
import dev.numgen.sequence.IssueRecords;
import dev.numgen.sequence.SegmentSequence;
import dev.numgen.sequence.SequenceStrategy;
import dev.numgen.sequence.SnowflakeSequence;
import dev.numgen.sequence.WorkerLeases;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The three strategies on their Ignite adapters, composed in one place for every node that issues: the servers'
 * issuing configuration and the client library's client nodes use these, so a client takes SEGMENT blocks, GAPLESS
 * values and SNOWFLAKE worker ids exactly as a server does.
 */
public final class IgniteNumbers {

    /** How far back the clock may step before SNOWFLAKE refuses rather than waits. */
    public static final long MAX_CLOCK_BACKWARDS_MILLIS = 10;

    private IgniteNumbers() {}

    /**
     * The sequence strategy of each rule strategy: SEGMENT from the blocks {@code reserver} reserves (the next one
     * fetched on {@code prefetcher}), GAPLESS on {@code gapless}, SNOWFLAKE under a worker id from {@code leases}.
     */
    public static Map<Strategy, SequenceStrategy> strategies(
            BlockReserver reserver,
            Executor prefetcher,
            GaplessStore gapless,
            WorkerLeases leases,
            IssueRecords issueRecords) {
        return Map.of(
                Strategy.SEGMENT, new SegmentSequence(reserver, prefetcher),
                Strategy.GAPLESS, new GaplessCounter(gapless),
                Strategy.SNOWFLAKE,
                        new SnowflakeSequence(Clock.systemUTC(), leases, issueRecords, MAX_CLOCK_BACKWARDS_MILLIS));
    }

    /** Reserves the next SEGMENT blocks in the background; unbounded so the issuing path never blocks on it. */
    public static ExecutorService blockPrefetcher() {
        AtomicInteger threads = new AtomicInteger();
        return Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "numgen-block-prefetch-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * SNOWFLAKE worker ids: leased for 10 s, renewed every ~3 s, given up 2 s before they expire (the tolerated clock
     * difference between nodes). Each process leases as a new owner; close it when the node stops.
     */
    public static IgniteWorkerLeases workerLeases(IgniteStore store) {
        return new IgniteWorkerLeases(
                store,
                UUID.randomUUID().toString(),
                Clock.systemUTC(),
                Duration.ofSeconds(10),
                Duration.ofSeconds(2),
                SnowflakeSequence.MAX_WORKERS);
    }
}
