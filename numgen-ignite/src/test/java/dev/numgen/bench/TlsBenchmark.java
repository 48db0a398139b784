package dev.numgen.bench;

import static dev.numgen.rule.RuleDefinitions.rule;

import dev.numgen.ignite.issue.IgniteIssuanceRegister;
import dev.numgen.ignite.rule.IgniteRuleRegistry;
import dev.numgen.ignite.sequence.IgniteBlockReserver;
import dev.numgen.ignite.sequence.IgniteGaplessStore;
import dev.numgen.ignite.sequence.IgniteIssuedValues;
import dev.numgen.ignite.testing.TestCertificates;
import dev.numgen.ignite.testing.TestCertificates.Authority;
import dev.numgen.ignite.testing.TestNodes;
import dev.numgen.ignite.testing.TestNodes.ClusterLayout;
import dev.numgen.ignite.testing.TestNodes.TestNode;
import dev.numgen.issue.IssuedNumbers;
import dev.numgen.issue.NumberIssuer;
import dev.numgen.issue.ProvisionalIssuer;
import dev.numgen.provisional.InMemoryProvisionalJournal;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.RuleRegistrar;
import dev.numgen.rule.RuleValidator;
import dev.numgen.rule.Strategy;
import dev.numgen.sequence.Block;
import dev.numgen.sequence.CounterKey;
import dev.numgen.sequence.GaplessCounter;
import dev.numgen.time.TickingClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What cluster TLS costs: two server nodes in one JVM (REPLICATED, FULL_SYNC caches, so every commit goes to the
 * other node over communication), with {@code tls} off and on. A SEGMENT block reservation (one transaction, one
 * thread) and a GAPLESS issue (count=1, 8 clients, with its issuance record), both from the first node. Run with
 * {@code bash bench/jmh.sh TlsBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx768m", "-DIGNITE_UPDATE_NOTIFIER=false"})
public class TlsBenchmark {

    @Param({"false", "true"})
    public boolean tls;

    /**
     * FSYNC is what numgen runs with; LOG_ONLY takes the disk's fsync out of each commit (never for production), so
     * what TLS costs on the wire is not lost in the noise of two nodes' fsyncs on one shared disk.
     */
    @Param({"FSYNC", "LOG_ONLY"})
    public String walMode;

    private final List<TestNode> nodes = new ArrayList<>();
    private IgniteBlockReserver reserver;
    private TickingClock clock;
    private NumberIssuer issuer;
    private final CounterKey segment = new CounterKey("SEG", "");
    private final Map<String, String> none = Map.of();

    @Setup
    public void startCluster() throws IOException {
        Path dir = Files.createTempDirectory("numgen-tls-bench-");
        ClusterLayout layout = ClusterLayout.of(dir.resolve("nodes"), 2);
        Authority authority = tls ? TestCertificates.authority(dir, "ca") : null;
        for (int index = 0; index < 2; index++) {
            Map<String, Object> extra =
                    new HashMap<>(tls ? authority.serverProperties("node-" + index, authority) : Map.of());
            extra.put("numgen.ignite.wal-mode", walMode);
            nodes.add(TestNodes.start(layout, index, 2, extra));
        }
        TestNode first = nodes.get(0);
        IgniteRuleRegistry registry = new IgniteRuleRegistry(first.store());
        RuleRegistrar registrar = new RuleRegistrar(
                registry, new IgniteIssuedValues(first.store()), new RuleValidator(), Clock.systemUTC());
        registrar.register(new PrefixKey("SEG"), rule("S-{seq:12}").build(), OptionalLong.empty(), "bench");
        registrar.register(
                new PrefixKey("GAP"),
                rule("G-{seq:12}")
                        .strategy("GAPLESS")
                        .concurrency("PESSIMISTIC")
                        .build(),
                OptionalLong.empty(),
                "bench");
        reserver = new IgniteBlockReserver(first.store(), registry);
        clock = new TickingClock(Clock.systemUTC());
        issuer = new NumberIssuer(
                registry,
                Map.of(Strategy.GAPLESS, new GaplessCounter(new IgniteGaplessStore(first.store(), registry))),
                new IgniteIssuanceRegister(first.store(), Clock.systemUTC()),
                clock,
                () -> true,
                new ProvisionalIssuer(new InMemoryProvisionalJournal(), "bench"));
    }

    @TearDown
    public void stopCluster() {
        clock.close();
        for (int index = nodes.size() - 1; index >= 0; index--) {
            nodes.get(index).close();
        }
    }

    @Benchmark
    public Block reserveBlock() {
        return reserver.reserve(segment, 1);
    }

    @Benchmark
    @Threads(8)
    public IssuedNumbers gapless1Pessimistic8Clients() {
        return issuer.issue("GAP", 1, none);
    }
}
