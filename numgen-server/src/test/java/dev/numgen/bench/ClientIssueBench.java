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

    private static final int SAMPLE = 16;

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
                        "CLIENT threads=%d numbers/s=%.0f p99_us=%.0f rounds=%s%n",
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
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            new Thread(() -> {
                        long[] own = new long[1 << 16];
                        int sampled = 0;
                        int count = 0;
                        while (running.get()) {
                            long start = System.nanoTime();
                            client.issue(prefix, 1);
                            long took = System.nanoTime() - start;
                            // Every call is timed, every SAMPLE-th kept: in-process calls run in the millions.
                            if (count++ % SAMPLE == 0) {
                                if (sampled == own.length) {
                                    own = Arrays.copyOf(own, own.length * 2);
                                }
                                own[sampled++] = took;
                            }
                        }
                        latencies[thread] = Arrays.copyOf(own, sampled);
                        counts[thread] = count;
                        done.countDown();
                    })
                    .start();
        }
        long started = System.nanoTime();
        Thread.sleep(duration.toMillis());
        running.set(false);
        done.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all =
                Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new double[] {total / seconds, all.length == 0 ? 0 : all[(int) (all.length * 0.99)] / 1e3};
    }
}
