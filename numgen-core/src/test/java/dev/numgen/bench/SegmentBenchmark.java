package dev.numgen.bench;

import dev.numgen.sequence.Block;
import dev.numgen.sequence.Counter;
import dev.numgen.sequence.CounterKey;
import dev.numgen.sequence.SegmentSequence;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import me.ahoo.cosid.segment.IdSegmentDistributor;
import me.ahoo.cosid.segment.SegmentChainId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process SEGMENT path, a {@code long} and no formatting, beside CosId's {@link SegmentChainId}: both over an
 * in-memory store that hands out blocks of {@link #BLOCK} values (numgen: a {@code BlockReserver} lambda, CosId: its
 * {@code IdSegmentDistributor.Atomic}), so neither waits for storage and what is measured is taking a value from the
 * block held. The {@code *2} methods run two threads on one counter. Run with
 * {@code bash bench/jmh.sh --module numgen-core SegmentBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class SegmentBenchmark {

    static final long BLOCK = 1_000_000;

    private ExecutorService prefetch;
    private Counter numgen;
    private SegmentChainId cosId;

    @Setup(Level.Trial)
    public void setUp() {
        AtomicLong reserved = new AtomicLong();
        prefetch = Executors.newSingleThreadExecutor();
        numgen = new SegmentSequence(
                        (key, growth) -> {
                            long size = BLOCK * growth;
                            long last = reserved.addAndGet(size);
                            return new Block(last - size + 1, last, 1);
                        },
                        prefetch)
                .counter(new CounterKey("BENCH", ""));
        cosId = new SegmentChainId(new IdSegmentDistributor.Atomic(BLOCK));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        prefetch.shutdownNow();
    }

    @Benchmark
    @Threads(1)
    public long numgen1() {
        return numgen.next();
    }

    @Benchmark
    @Threads(1)
    public long cosId1() {
        return cosId.generate();
    }

    @Benchmark
    @Threads(2)
    public long numgen2() {
        return numgen.next();
    }

    @Benchmark
    @Threads(2)
    public long cosId2() {
        return cosId.generate();
    }
}
