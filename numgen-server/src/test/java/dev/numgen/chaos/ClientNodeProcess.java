package dev.numgen.chaos;

import dev.numgen.server.testing.NodeProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link ClientNodeMain} in a JVM of its own, from this test's classpath with this JVM's flags (Ignite's
 * {@code --add-opens} among them), as {@code dev.numgen.server.testing.NodeProcess} starts a node. It stops when
 * {@link #stop()} closes its standard input, and if this JVM dies, since that closes it too.
 */
final class ClientNodeProcess implements AutoCloseable {

    private static final Duration JOIN_TIMEOUT = Duration.ofMinutes(3);
    /** Stopping waits for the issuers' calls in flight, the task on every server and the node's leaving. */
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

    /** One line of the numbers file. */
    record Line(int thread, String prefix, long atMillis, boolean ok, String value) {

        static Line parse(String text) {
            String[] fields = text.split("\t", 5);
            return new Line(
                    Integer.parseInt(fields[0]),
                    fields[1],
                    Long.parseLong(fields[2]),
                    fields[3].equals("OK"),
                    fields[4]);
        }
    }

    private final Process process;
    private final Path directory;

    private ClientNodeProcess(Process process, Path directory) {
        this.process = process;
        this.directory = directory;
    }

    /** Starts the client in {@code directory} (its files and log there) and waits until it has joined the cluster. */
    static ClientNodeProcess start(
            Path directory, Path tlsProperties, String discovery, List<String> prefixes, int threads) {
        List<String> command = NodeProcess.javaCommand(ClientNodeMain.class);
        command.add("tls=" + tlsProperties);
        command.add("discovery=" + discovery);
        command.add("numbers=" + directory.resolve("numbers.tsv"));
        command.add("task=" + directory.resolve("task.txt"));
        command.add("ready=" + directory.resolve("ready"));
        command.add("prefixes=" + String.join(",", prefixes));
        command.add("threads=" + threads);
        command.add("work=" + directory.resolve("ignite"));
        ClientNodeProcess client;
        try {
            Files.createDirectories(directory);
            // What an earlier run left would pass for this client's: its ready mark and its numbers.
            for (String left : List.of("numbers.tsv", "task.txt", "ready", "client.log")) {
                Files.deleteIfExists(directory.resolve(left));
            }
            client = new ClientNodeProcess(
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(directory.resolve("client.log").toFile())
                            .start(),
                    directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            client.awaitJoined();
        } catch (RuntimeException | Error e) {
            client.close();
            throw e;
        }
        return client;
    }

    private void awaitJoined() {
        long deadline = System.nanoTime() + JOIN_TIMEOUT.toNanos();
        while (!Files.exists(directory.resolve("ready"))) {
            if (!process.isAlive()) {
                throw new IllegalStateException("client process exited " + process.exitValue() + ":\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("client not joined after " + JOIN_TIMEOUT + ":\n" + tail());
            }
            sleep(200);
        }
    }

    /** Every line the client has written so far (the last one may be half written: left out). */
    List<Line> lines() {
        try {
            List<String> text = Files.readAllLines(directory.resolve("numbers.tsv"));
            return text.stream()
                    .filter(line -> line.split("\t", -1).length == 5)
                    .map(Line::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tells the client to stop, waits until it exited 0, and returns what the servers answered its task. */
    String stop() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("client process still running " + STOP_TIMEOUT + " after the stop:\n" + tail());
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("client process exited " + process.exitValue() + ":\n" + tail());
        }
        return Files.readString(directory.resolve("task.txt"));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("client.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
