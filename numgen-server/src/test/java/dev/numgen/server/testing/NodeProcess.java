package dev.numgen.server.testing;

import dev.numgen.server.NumgenApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A numgen node with the {@code local} profile in a JVM of its own, started from this test's classpath with this
 * JVM's flags (the ones Ignite needs among them), which a test can {@link #kill()} as {@code kill -9} would: no
 * shutdown hook, no Ignite stop, no checkpoint.
 */
public final class NodeProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /** What a JVM ended by SIGKILL exits with. */
    private static final int KILLED = 128 + 9;

    private final Process process;
    private final Path log;
    private final ApiClient api;

    /**
     * The command that runs {@code main} in a JVM of its own from this test's classpath, with this JVM's flags (the
     * ones Ignite needs among them) and {@code -Xmx512m}; arguments go after it.
     */
    public static List<String> javaCommand(Class<?> main) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        return command;
    }

    private NodeProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.api = new ApiClient(port);
    }

    /**
     * Starts a node with {@code properties} (as command-line arguments; {@code server.port} a fixed port), its output
     * into {@code log}, and waits until it is ready.
     */
    public static NodeProcess start(Map<String, Object> properties, Path log) {
        List<String> command = javaCommand(NumgenApplication.class);
        command.add("--spring.profiles.active=local");
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NodeProcess node = new NodeProcess(
                process, log, Integer.parseInt(properties.get("server.port").toString()));
        try {
            node.awaitReady();
        } catch (RuntimeException | Error e) {
            node.close();
            throw e;
        }
        return node;
    }

    public ApiClient api() {
        return api;
    }

    /** Ends the JVM with SIGKILL and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("node process " + process.pid() + " survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (process.exitValue() != KILLED) {
            throw new IllegalStateException(
                    "node process exited " + process.exitValue() + " before the kill:\n" + tail());
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    // A poll of its own rather than Await's: it also watches the process, and shows the node's log when it gives up.
    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node process exited " + process.exitValue() + ":\n" + tail());
            }
            if (ready()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("node process not ready after " + START_TIMEOUT + ":\n" + tail());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private boolean ready() {
        try {
            return api.get("/actuator/health/readiness", null).status() == 200;
        } catch (UncheckedIOException notListeningYet) {
            return false;
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
