package dev.numgen.bench;

import static dev.numgen.rule.RuleDefinitions.rule;

import dev.numgen.ignite.issue.IgniteIdempotencyStore;
import dev.numgen.ignite.issue.IgniteIssuanceRegister;
import dev.numgen.ignite.rule.IgniteRuleRegistry;
import dev.numgen.ignite.sequence.IgniteBlockReserver;
import dev.numgen.ignite.sequence.IgniteGaplessStore;
import dev.numgen.ignite.sequence.IgniteIssueRecords;
import dev.numgen.ignite.sequence.IgniteIssuedValues;
import dev.numgen.ignite.sequence.IgniteWorkerLeases;
import dev.numgen.ignite.testing.TestNodes;
import dev.numgen.ignite.testing.TestNodes.ClusterLayout;
import dev.numgen.ignite.testing.TestNodes.TestNode;
import dev.numgen.issue.IdempotencyLimits;
import dev.numgen.issue.IdempotentIssuer;
import dev.numgen.issue.IssuedNumbers;
import dev.numgen.issue.NumberIssuer;
import dev.numgen.issue.ProvisionalIssuer;
import dev.numgen.provisional.InMemoryProvisionalJournal;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.RuleDefinition;
import dev.numgen.rule.RuleRegistrar;
import dev.numgen.rule.RuleValidator;
import dev.numgen.rule.Strategy;
import dev.numgen.sequence.GaplessCounter;
import dev.numgen.sequence.SegmentSequence;
import dev.numgen.sequence.SnowflakeSequence;
import dev.numgen.time.TickingClock;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Numbers per second for each strategy, in-process, on a real single-node cluster with the FSYNC
 * WAL: count=1 and count=100 (scores of the *100 benchmarks are numbers, not requests). GAPLESS
 * runs 8 concurrent clients, as the target names. Run with {@code bash bench/jmh.sh StrategyBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx512m", "-DIGNITE_UPDATE_NOTIFIER=false"})
public class StrategyBenchmark {

    private TestNode node;
    private TickingClock clock;
    private ExecutorService prefetch;
    private IgniteWorkerLeases leases;
    private NumberIssuer issuer;
    private IdempotentIssuer keyed;
    private final AtomicLong keys = new AtomicLong();
    private final Map<String, String> none = Map.of();

    @Setup
    public void startNode() throws IOException {
        node = TestNodes.start(ClusterLayout.of(Files.createTempDirectory("numgen-bench-"), 1), 0, 1);
        IgniteRuleRegistry registry = new IgniteRuleRegistry(node.store());
        RuleRegistrar registrar = new RuleRegistrar(
                registry, new IgniteIssuedValues(node.store()), new RuleValidator(), Clock.systemUTC());
        register(registrar, "SEG", rule("S-{seq:12}").build());
        register(
                registrar,
                "GAP",
                rule("G-{seq:12}")
                        .strategy("GAPLESS")
                        .concurrency("PESSIMISTIC")
                        .build());
        register(
                registrar,
                "GAPOPT",
                rule("O-{seq:12}").strategy("GAPLESS").concurrency("OPTIMISTIC").build());
        register(registrar, "SNOW", rule("F-{seq}").strategy("SNOWFLAKE").build());
        clock = new TickingClock(Clock.systemUTC());
        prefetch = Executors.newFixedThreadPool(2);
        leases = new IgniteWorkerLeases(
                node.store(), "bench", Clock.systemUTC(), Duration.ofSeconds(10), Duration.ofSeconds(2), 1024);
        issuer = new NumberIssuer(
                registry,
                Map.of(
                        Strategy.SEGMENT,
                        new SegmentSequence(new IgniteBlockReserver(node.store(), registry), prefetch),
                        Strategy.GAPLESS,
                        new GaplessCounter(new IgniteGaplessStore(node.store(), registry)),
                        Strategy.SNOWFLAKE,
                        new SnowflakeSequence(
                                Clock.systemUTC(), leases, new IgniteIssueRecords(node.store(), registry), 10)),
                new IgniteIssuanceRegister(node.store(), Clock.systemUTC()),
                clock,
                () -> true,
                new ProvisionalIssuer(new InMemoryProvisionalJournal(), "bench"));
        keyed = new IdempotentIssuer(
                issuer,
                new IgniteIdempotencyStore(
                        node.store(), new IdempotencyLimits(1_000_000_000, 1_000_000_000, 10), Clock.systemUTC()));
    }

    private static void register(RuleRegistrar registrar, String key, RuleDefinition definition) {
        registrar.register(new PrefixKey(key), definition, OptionalLong.empty(), "bench");
    }

    @TearDown
    public void stopNode() {
        leases.close();
        prefetch.shutdownNow();
        clock.close();
        node.close();
    }

    @Benchmark
    public IssuedNumbers segment1() {
        return issuer.issue("SEG", 1, none);
    }

    @Benchmark
    @OperationsPerInvocation(100)
    public IssuedNumbers segment100() {
        return issuer.issue("SEG", 100, none);
    }

    @Benchmark
    public IssuedNumbers snowflake1() {
        return issuer.issue("SNOW", 1, none);
    }

    @Benchmark
    @OperationsPerInvocation(100)
    public IssuedNumbers snowflake100() {
        return issuer.issue("SNOW", 100, none);
    }

    @Benchmark
    @Threads(8)
    public IssuedNumbers gapless1Pessimistic8Clients() {
        return issuer.issue("GAP", 1, none);
    }

    @Benchmark
    @Threads(8)
    public IssuedNumbers gapless1Optimistic8Clients() {
        return issuer.issue("GAPOPT", 1, none);
    }

    /** Each request with an Idempotency-Key of its own, as a careful client sends them. */
    @Benchmark
    @Threads(8)
    public IssuedNumbers gaplessKeyed1Pessimistic8Clients() {
        return keyed.issue("bench", "k-" + keys.incrementAndGet(), "GAP", 1, none);
    }

    @Benchmark
    @Threads(8)
    @OperationsPerInvocation(100)
    public IssuedNumbers gapless100Pessimistic8Clients() {
        return issuer.issue("GAP", 100, none);
    }
}
