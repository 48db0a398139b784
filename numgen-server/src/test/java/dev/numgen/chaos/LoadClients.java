package dev.numgen.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** Client threads that issue numbers through the load balancer until stopped, recording all into a ledger. */
final class LoadClients implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    LoadClients(ClusterHarness cluster, IssuedLedger ledger, String token, int clients, List<String> paths) {
        for (int i = 0; i < clients; i++) {
            String path = paths.get(i % paths.size());
            Thread thread = new Thread(
                    () -> {
                        while (running.get()) {
                            ledger.record(cluster.get(cluster.balancerUrl() + path, token), "lb " + path);
                        }
                    },
                    "chaos-client-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
    }
}
