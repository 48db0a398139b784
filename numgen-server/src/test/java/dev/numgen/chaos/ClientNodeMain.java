package dev.numgen.chaos;

import dev.numgen.client.NumberClient;
import dev.numgen.client.NumberClientSettings;
import dev.numgen.ignite.node.ClusterTls;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The client JVM of {@link ClientNodeChaosIT}: a {@link NumberClient} over TLS that issues numbers of the given
 * prefixes in a loop on a few threads, writing every number and every failure as one flushed line to a file, until its
 * standard input closes. Then it deploys {@link CounterExhaustionTask} to the servers by peer class loading, writes
 * what each server answered, and leaves the cluster.
 *
 * <p>Arguments, {@code name=value}: {@code tls} (a {@code bin/certs} client properties file), {@code discovery},
 * {@code numbers} (the numbers file), {@code task} (the task's answers), {@code ready} (written once the client has
 * joined), {@code prefixes} (comma-separated), {@code threads}, {@code work} (Ignite's work directory).
 *
 * <p>A numbers line is {@code thread TAB prefix TAB millis TAB OK TAB number} or {@code thread TAB prefix TAB millis
 * TAB FAIL TAB exception}.
 */
public final class ClientNodeMain {

    /** Between rounds of a thread, so that a run writes thousands of lines, not millions. */
    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private ClientNodeMain() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        Map<String, String> arguments = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            arguments.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        List<String> prefixes = List.of(arguments.get("prefixes").split(","));
        int threads = Integer.parseInt(arguments.get("threads"));
        NumberClientSettings settings = NumberClientSettings.builder()
                .discoveryAddresses(arguments.get("discovery"))
                .nodeName("chaos-client")
                .tls(tls(Path.of(arguments.get("tls"))))
                .peerClassLoading(true)
                .localHost("127.0.0.1")
                // Above the servers' 47101..: bin/cluster gives node i communication port 47100 + i.
                .communicationPort(47190)
                .portRange(9)
                .workDirectory(Path.of(arguments.get("work")))
                .startTimeout(Duration.ofMinutes(2))
                .build();
        try (NumberClient client = NumberClient.start(settings);
                BufferedWriter numbers =
                        Files.newBufferedWriter(Path.of(arguments.get("numbers")), StandardCharsets.UTF_8)) {
            Files.writeString(Path.of(arguments.get("ready")), "joined\n");
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> issuers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int thread = i;
                Thread issuer = new Thread(() -> issue(client, prefixes, thread, numbers, running), "issuer-" + i);
                issuer.start();
                issuers.add(issuer);
            }
            drain(System.in);
            running.set(false);
            for (Thread issuer : issuers) {
                issuer.join();
            }
            Files.writeString(Path.of(arguments.get("task")), askTheServers(client));
        }
    }

    private static ClusterTls tls(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        String prefix = NumberClientSettings.TLS_PREFIX;
        return ClusterTls.of(
                Path.of(properties.getProperty(prefix + ".key-store")),
                properties.getProperty(prefix + ".key-store-password").toCharArray(),
                Path.of(properties.getProperty(prefix + ".trust-store")),
                properties.getProperty(prefix + ".trust-store-password").toCharArray());
    }

    /** One thread's loop: each prefix in turn, one number at a time; a failure is written and waited out briefly. */
    private static void issue(
            NumberClient client, List<String> prefixes, int thread, BufferedWriter numbers, AtomicBoolean running) {
        while (running.get()) {
            for (String prefix : prefixes) {
                String line;
                try {
                    line = "OK\t" + client.issue(prefix);
                } catch (RuntimeException e) {
                    line = "FAIL\t" + e.getClass().getName() + ": "
                            + String.valueOf(e.getMessage()).replace('\n', ' ');
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                }
                write(numbers, thread + "\t" + prefix + "\t" + System.currentTimeMillis() + "\t" + line);
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }

    private static void write(BufferedWriter numbers, String line) {
        synchronized (numbers) {
            try {
                numbers.write(line);
                numbers.newLine();
                numbers.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Until the test closes this process's standard input (or dies, which closes it too). */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // nothing to read but the end
        }
    }

    /** The task on every server node, deployed from this client; each server's answer after the other. */
    private static String askTheServers(NumberClient client) {
        Collection<String> answers = client.ignite()
                .compute(client.ignite().cluster().forServers())
                .broadcast(new CounterExhaustionTask(0.8));
        return String.join("", answers);
    }
}
