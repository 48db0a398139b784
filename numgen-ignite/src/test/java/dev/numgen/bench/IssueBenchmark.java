package dev.numgen.bench;

import dev.numgen.format.NumberTemplate;
import dev.numgen.format.TemplateRenderer;
import dev.numgen.ignite.issue.IgniteIssuanceRegister;
import dev.numgen.ignite.rule.IgniteRuleRegistry;
import dev.numgen.ignite.sequence.IgniteBlockReserver;
import dev.numgen.ignite.sequence.IgniteIssuedValues;
import dev.numgen.ignite.testing.TestNodes;
import dev.numgen.ignite.testing.TestNodes.ClusterLayout;
import dev.numgen.ignite.testing.TestNodes.TestNode;
import dev.numgen.issue.IssuedNumbers;
import dev.numgen.issue.NumberIssuer;
import dev.numgen.issue.ProvisionalIssuer;
import dev.numgen.provisional.InMemoryProvisionalJournal;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.RuleDefinitions;
import dev.numgen.rule.RuleRegistrar;
import dev.numgen.rule.RuleValidator;
import dev.numgen.rule.Strategy;
import dev.numgen.sequence.SegmentSequence;
import dev.numgen.time.TickingClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * The in-process SEGMENT path on a real single-node Ignite cluster (native persistence, FSYNC
 * WAL): rule lookup, counter key, block-buffered sequence value and rendering, as
 * {@code GET /api/numbers} runs it minus HTTP, with the service's {@link TickingClock}. Run with
 * {@code bash bench/jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
// Ignite's --add-opens come from the pom (ignite.add-opens) through bench/jmh.sh.
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx512m", "-DIGNITE_UPDATE_NOTIFIER=false"})
@Threads(1)
public class IssueBenchmark {

    static final String FORMAT = "ORD-{yyyy}{MM}{dd}-{seq:12}";

    private TestNode node;
    private TickingClock clock;
    private ExecutorService prefetch;
    private NumberIssuer issuer;
    private TemplateRenderer renderer;
    private long sequence;
    private final Map<String, String> noVariables = Map.of();

    @Setup
    public void startNode() throws IOException {
        Path work = Files.createTempDirectory("numgen-bench-");
        node = TestNodes.start(ClusterLayout.of(work, 1), 0, 1);
        IgniteRuleRegistry registry = new IgniteRuleRegistry(node.store());
        new RuleRegistrar(registry, new IgniteIssuedValues(node.store()), new RuleValidator(), Clock.systemUTC())
                .register(
                        new PrefixKey("BENCH"),
                        RuleDefinitions.rule(FORMAT)
                                .reserveSize(1000)
                                .timeZone("Europe/Berlin")
                                .build(),
                        OptionalLong.empty(),
                        "bench");
        clock = new TickingClock(Clock.systemUTC());
        prefetch = Executors.newFixedThreadPool(2);
        issuer = new NumberIssuer(
                registry,
                Map.of(
                        Strategy.SEGMENT,
                        new SegmentSequence(new IgniteBlockReserver(node.store(), registry), prefetch)),
                new IgniteIssuanceRegister(node.store(), Clock.systemUTC()),
                clock,
                () -> true,
                new ProvisionalIssuer(new InMemoryProvisionalJournal(), "bench"));
        renderer = NumberTemplate.parse(FORMAT).renderer(ZoneId.of("Europe/Berlin"));
    }

    @TearDown
    public void stopNode() {
        prefetch.shutdownNow();
        clock.close();
        node.close();
    }

    /** One number through the whole in-process path (count=1). */
    @Benchmark
    public IssuedNumbers issueOne() {
        return issuer.issue("BENCH", 1, noVariables);
    }

    /** Rendering alone, for reference. */
    @Benchmark
    public String renderOnly() {
        return renderer.render(clock.millis(), ++sequence, noVariables);
    }
}
