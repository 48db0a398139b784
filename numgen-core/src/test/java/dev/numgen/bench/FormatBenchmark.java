package dev.numgen.bench;

import dev.numgen.format.NumberTemplate;
import dev.numgen.format.TemplateRenderer;
import dev.numgen.issue.InMemoryIssuanceRegister;
import dev.numgen.issue.IssuedNumbers;
import dev.numgen.issue.NumberIssuer;
import dev.numgen.issue.ProvisionalIssuer;
import dev.numgen.provisional.InMemoryProvisionalJournal;
import dev.numgen.rule.InMemoryRuleRegistry;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.RuleDefinitions;
import dev.numgen.rule.RuleRegistrar;
import dev.numgen.rule.RuleValidator;
import dev.numgen.rule.Strategy;
import dev.numgen.sequence.Block;
import dev.numgen.sequence.SegmentSequence;
import dev.numgen.time.TickingClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Formatted numbers of {@code ORD-{yyyy}{MM}{dd}-{seq:6}} per second on one thread, without Ignite: numgen's renderer,
 * the whole in-process issuing path over in-memory stores, and two hand-written floors to compare them with (digits
 * into a reused char buffer, and a StringBuilder). Sequence values cycle through 1..999,999, so every number is
 * padded as a real day's numbers are. Run with {@code bash bench/jmh.sh --module numgen-core FormatBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Threads(1)
public class FormatBenchmark {

    static final String FORMAT = "ORD-{yyyy}{MM}{dd}-{seq:6}";
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final long NOW = Instant.parse("2026-12-02T10:15:30Z").toEpochMilli();
    private static final int PAD = 6;
    private static final long LAST_PADDED = 999_999;

    private TemplateRenderer renderer;
    private final Map<String, String> noVariables = Map.of();
    private long sequence;

    private final char[] charBuffer = "ORD-20261202-000000".toCharArray();
    private final String fixedPrefix = "ORD-20261202-";

    private ExecutorService prefetch;
    private TickingClock clock;
    private NumberIssuer issuer;

    @Setup
    public void setUp() {
        renderer = NumberTemplate.parse(FORMAT).renderer(ZONE);
        InMemoryRuleRegistry registry = new InMemoryRuleRegistry();
        new RuleRegistrar(registry, key -> OptionalLong.empty(), new RuleValidator(), Clock.systemUTC())
                .register(
                        new PrefixKey("ORD"),
                        RuleDefinitions.rule(FORMAT)
                                .reserveSize(1_000_000)
                                .timeZone(ZONE.getId())
                                .build(),
                        OptionalLong.empty(),
                        "bench");
        AtomicLong reserved = new AtomicLong();
        prefetch = Executors.newSingleThreadExecutor();
        clock = new TickingClock(Clock.systemUTC());
        issuer = new NumberIssuer(
                registry,
                Map.of(
                        Strategy.SEGMENT,
                        new SegmentSequence(
                                (key, growth) -> {
                                    long size = 1_000_000L * growth;
                                    long last = reserved.addAndGet(size);
                                    return new Block(last - size + 1, last, 1);
                                },
                                prefetch)),
                new InMemoryIssuanceRegister(),
                clock,
                () -> true,
                new ProvisionalIssuer(new InMemoryProvisionalJournal(), "bench"));
    }

    @TearDown
    public void tearDown() {
        prefetch.shutdownNow();
        clock.close();
    }

    private long nextSequence() {
        long next = sequence + 1;
        sequence = next > LAST_PADDED ? 1 : next;
        return sequence;
    }

    /** numgen's renderer, as {@code CompiledRule.render} calls it for each number. */
    @Benchmark
    public String render() {
        return renderer.render(NOW, nextSequence(), noVariables);
    }

    /** One number through {@code NumberIssuer.issue} (count=1): rule lookup, SEGMENT counter, render, result. */
    @Benchmark
    public IssuedNumbers issueOne() {
        return issuer.issue("ORD", 1, noVariables);
    }

    /** Floor: the prefix fixed in a reused char buffer, six digits written into it, one String built. */
    @Benchmark
    public String floorCharBuffer() {
        long value = nextSequence();
        for (int i = charBuffer.length - 1, left = PAD; left > 0; i--, left--) {
            charBuffer[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return new String(charBuffer);
    }

    /** Floor: a StringBuilder with the fixed prefix, zeros and the value. */
    @Benchmark
    public String floorStringBuilder() {
        long value = nextSequence();
        StringBuilder out = new StringBuilder(24).append(fixedPrefix);
        for (long limit = 100_000; limit > value && limit > 1; limit /= 10) {
            out.append('0');
        }
        return out.append(value).toString();
    }
}
