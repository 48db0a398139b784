package dev.numgen.chaos;

import dev.numgen.server.testing.HttpReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Client threads that issue numbers until stopped, recording all into a ledger. A client that fails (a response the
 * ledger rejects, an exception) stops, and {@link #close()} then fails with the first failure: a failing client must
 * fail the run, not only lower its load.
 */
final class LoadClients implements AutoCloseable {

    /** A client stops after its request in flight, which the HTTP client gives up after its timeout. */
    private static final Duration STOP_TIMEOUT = ClusterHarness.REQUEST_TIMEOUT.plusSeconds(10);

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final Duration stopTimeout;

    /** One client's unit of work, which it repeats until the clients are stopped. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    /** {@code clients} threads; client i requests {@code paths[i % paths.size()]} through {@code get}. */
    LoadClients(IssuedLedger ledger, int clients, List<String> paths, Function<String, HttpReply> get) {
        this(clients, STOP_TIMEOUT, client -> {
            String path = paths.get(client % paths.size());
            return () -> ledger.request(() -> get.apply(path), "lb " + path);
        });
    }

    /**
     * {@code clients} threads; client i repeats {@code steps.apply(i)} until stopped. A client stops after its step in
     * progress, which must end within {@code stopTimeout}.
     */
    LoadClients(int clients, Duration stopTimeout, IntFunction<Step> steps) {
        this.stopTimeout = stopTimeout;
        for (int i = 0; i < clients; i++) {
            Step step = steps.apply(i);
            Thread thread = new Thread(
                    () -> {
                        try {
                            while (running.get()) {
                                step.run();
                            }
                        } catch (Throwable failure) {
                            failures.add(failure);
                        }
                    },
                    "chaos-client-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    /** Clients that request through the cluster's load balancer. */
    static LoadClients throughBalancer(
            ClusterHarness cluster, IssuedLedger ledger, String token, int clients, List<String> paths) {
        return new LoadClients(ledger, clients, paths, path -> cluster.get(cluster.balancerUrl() + path, token));
    }

    /** Stops the clients; fails if one of them failed, or did not stop. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(stopTimeout.toMillis());
        }
        Throwable first = failures.peek();
        if (first != null) {
            AssertionError failed = new AssertionError(
                    failures.size() + " of " + threads.size() + " load clients failed, the first with: " + first,
                    first);
            failures.stream().skip(1).forEach(failed::addSuppressed);
            throw failed;
        }
        List<String> stuck =
                threads.stream().filter(Thread::isAlive).map(Thread::getName).toList();
        if (!stuck.isEmpty()) {
            throw new AssertionError("load clients still running " + stopTimeout + " after the stop: " + stuck);
        }
    }
}
