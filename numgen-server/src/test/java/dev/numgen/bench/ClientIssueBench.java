package dev.numgen.bench;

import dev.numgen.client.NumberClient;
import dev.numgen.client.NumberClientSettings;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The client side of {@code BENCH_ONLY=client bash bench/http.sh}: a {@link NumberClient} in this JVM joins the
 * benchmark's running server (plain, loopback) and issues count=1 of one rule end to end, {@code client.issue(prefix,
 * 1)} returning the rendered number, on T threads for a fixed time, after a warm-up. Prints, per thread count, the
 * median of the rounds' numbers/s and a p99 latency (every call timed), as the script's wrk runs do for HTTP. Never
 * asserted: a measurement, not a test.
 *
 * <p>Arguments: {@code discovery-address communication-port prefix warmup-seconds seconds rounds threads...}.
 */
public final class ClientIssueBench {

    private ClientIssueBench() {}

    public static void main(String[] args) throws Exception {
        String discovery = args[0];
        int communicationPort = Integer.parseInt(args[1]);
        String prefix = args[2];
        Duration warmup = Duration.ofSeconds(Long.parseLong(args[3]));
        Duration measured = Duration.ofSeconds(Long.parseLong(args[4]));
        int rounds = Integer.parseInt(args[5]);
        NumberClientSettings settings = NumberClientSettings.builder()
                .discoveryAddresses(discovery)
                .nodeName("bench-client")
                .withoutTls() // the benchmark's server is the plain single-node quickstart on loopback
                .localHost("127.0.0.1")
                .communicationPort(communicationPort)
                .portRange(0)
                .workDirectory(Files.createTempDirectory("numgen-bench-client"))
                .build();
        try (NumberClient client = NumberClient.start(settings)) {
            for (int i = 6; i < args.length; i++) {
                int threads = Integer.parseInt(args[i]);
                run(client, prefix, threads, warmup);
                List<double[]> results = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    results.add(run(client, prefix, threads, measured));
                }
                results.sort((a, b) -> Double.compare(a[0], b[0]));
                double[] median = results.get(results.size() / 2);
                System.out.printf(
                        Locale.ROOT,
                        "CLIENT threads=%d numbers/s=%.0f p99_us=%.2f rounds=%s%n",
                        threads,
                        median[0],
                        median[1],
                        results.stream()
                                .map(r -> String.format(Locale.ROOT, "%.0f", r[0]))
                                .toList());
            }
        }
        System.exit(0);
    }

    /** {@code threads} threads issuing for {@code duration}; returns numbers/s and the p99 latency in µs. */
    private static double[] run(NumberClient client, String prefix, int threads, Duration duration)
            throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(threads);
        long[][] histograms = new long[threads][];
        long[] counts = new long[threads];
        Throwable[] failures = new Throwable[threads];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            new Thread(() -> {
                        // Every call is timed into a fixed histogram: in-process calls run in the millions a second,
                        // so keeping each latency would fill the heap.
                        long[] histogram = new long[BUCKETS];
                        long count = 0;
                        try {
                            while (running.get()) {
                                long start = System.nanoTime();
                                client.issue(prefix, 1);
                                histogram[bucket(System.nanoTime() - start)]++;
                                count++;
                            }
                        } catch (RuntimeException | Error e) {
                            failures[thread] = e;
                        } finally {
                            histograms[thread] = histogram;
                            counts[thread] = count;
                            done.countDown();
                        }
                    })
                    .start();
        }
        long started = System.nanoTime();
        Thread.sleep(duration.toMillis());
        running.set(false);
        done.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        for (Throwable failure : failures) {
            if (failure != null) {
                throw new IllegalStateException("an issuing thread failed", failure);
            }
        }
        long total = Arrays.stream(counts).sum();
        long[] merged = new long[BUCKETS];
        for (long[] histogram : histograms) {
            for (int b = 0; b < BUCKETS; b++) {
                merged[b] += histogram[b];
            }
        }
        return new double[] {total / seconds, percentile(merged, total, 0.99) / 1e3};
    }

    /** 10 ns buckets below 100 µs, then 1 µs buckets up to 100 ms (and one for anything slower). */
    private static final int FINE = 10_000;

    private static final int BUCKETS = FINE + 100_000;

    private static int bucket(long nanos) {
        return nanos < 100_000 ? (int) (nanos / 10) : FINE + (int) Math.min(nanos / 1_000, BUCKETS - FINE - 1);
    }

    /** The upper bound, in ns, of the bucket that holds the given fraction of all calls. */
    private static long percentile(long[] histogram, long total, double fraction) {
        long wanted = (long) Math.ceil(total * fraction);
        long seen = 0;
        for (int b = 0; b < histogram.length; b++) {
            seen += histogram[b];
            if (seen >= wanted) {
                return b < FINE ? (b + 1) * 10L : (b - FINE + 1) * 1_000L;
            }
        }
        return Long.MAX_VALUE;
    }
}
