package dev.numgen.deploy;

import dev.numgen.server.testing.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs numgen's image with Debian's podman (runc, the repository's containers.conf) and removes every container it
 * started. Commands run with a timeout; a failing one throws with its output.
 */
final class Podman {

    private static final Path CONTAINERS_CONF = Repository.file("bin/image.d/containers.conf");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The image bin/image builds. */
    static final String IMAGE = "localhost/numgen:latest";

    /**
     * {@code podman run} options for the quickstart profile in a container: the {@code local} profile binds the API
     * and its development issuer to loopback, the container's own, so they are opened to the published ports.
     */
    static final List<String> QUICKSTART_PROFILE = List.of(
            "-e", "SPRING_PROFILES_ACTIVE=local",
            "-e", "SERVER_ADDRESS=0.0.0.0",
            "-e", "NUMGEN_SECURITY_DEV_ISSUER_ADDRESS=0.0.0.0");

    private final List<String> started = new ArrayList<>();

    /** {@code bin/image}: builds the image from the packaged jar, or does nothing when it is up to date. */
    void buildImage() {
        System.out.println(
                run(Duration.ofMinutes(10), Repository.file("bin/image").toString()));
    }

    /** {@code podman run -d --name NAME ARGS...}, the last of ARGS being the image. */
    void start(String name, String... args) {
        List<String> command = new ArrayList<>(List.of("podman", "run", "-d", "--name", name));
        command.addAll(List.of(args));
        started.add(name);
        run(Duration.ofMinutes(1), command.toArray(String[]::new));
    }

    /** Waits until {@code url} answers 200, failing with the container's log if it does not in time or exits. */
    void awaitReady(String name, String url, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (answersOk(url)) {
                return;
            }
            if (!run(Duration.ofSeconds(30), "podman", "inspect", "--format", "{{.State.Running}}", name)
                    .strip()
                    .equals("true")) {
                throw new AssertionError("container " + name + " exited:\n" + logs(name));
            }
            sleep(Duration.ofSeconds(1));
        }
        throw new AssertionError("container " + name + " not ready within " + within + ":\n" + logs(name));
    }

    /** The host pid of the container's main process (the JVM). */
    long pid(String name) {
        return Long.parseLong(run(Duration.ofSeconds(30), "podman", "inspect", "--format", "{{.State.Pid}}", name)
                .strip());
    }

    String logs(String name) {
        String log = run(Duration.ofSeconds(30), "podman", "logs", name);
        return log.length() > 20_000 ? log.substring(log.length() - 20_000) : log;
    }

    void removeContainers() {
        for (String name : started) {
            try {
                run(Duration.ofMinutes(1), "podman", "rm", "-f", "--time", "5", name);
            } catch (RuntimeException e) {
                System.err.println("could not remove container " + name + ": " + e.getMessage());
            }
        }
        started.clear();
    }

    /** Runs a command with the repository's containers.conf; returns its output (stdout and stderr). */
    static String run(Duration timeout, String... command) {
        try {
            Path output = Files.createTempFile("podman", ".out");
            try {
                ProcessBuilder builder =
                        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
                builder.environment().put("CONTAINERS_CONF", CONTAINERS_CONF.toString());
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not end within " + timeout);
                }
                String out = Files.readString(output, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(
                            String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + out);
                }
                return out;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A port free on this machine now, to publish a container's port on. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean answersOk(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
