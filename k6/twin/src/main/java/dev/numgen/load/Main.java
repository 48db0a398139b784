package dev.numgen.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code java -jar k6/twin/target/numgen-load-twin.jar --shape k6/shapes/benchmark.json [--run reduced|full]
 * [--url http://localhost:8080] [--issuer http://localhost:9000] [--report DIR] [--fault-command "bin/cluster
 * kill-node 2"] [--ready-url http://127.0.0.1:8082/actuator/health/readiness] [--client ID --secret SECRET]}. Exits 1
 * when a threshold failed or a number was issued twice (each named), 2 on wrong arguments.
 */
public final class Main {

    private static final List<String> OPTIONS = List.of(
            "--shape",
            "--run",
            "--url",
            "--issuer",
            "--report",
            "--fault-command",
            "--ready-url",
            "--client",
            "--secret");

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException wrong) {
            System.err.println(wrong.getMessage());
            System.err.println("usage: --shape FILE [--run reduced|full] [--url URL] [--issuer URL] [--report DIR]"
                    + " [--fault-command COMMAND] [--ready-url URL] [--client ID --secret SECRET]");
            System.exit(2);
            return;
        }
        Path shape = Path.of(options.get("--shape"));
        String run = options.getOrDefault("--run", "reduced");
        Path report = Path.of(options.getOrDefault(
                "--report", "target/load/" + shape.getFileName().toString().replaceFirst("\\.json$", "")));
        IssuedNumbers issued = new IssuedNumbers();
        LoadRun load = new LoadRun(
                        shape,
                        run,
                        options.getOrDefault("--url", "http://localhost:8080"),
                        options.getOrDefault("--issuer", "http://localhost:9000"))
                .client(
                        options.getOrDefault("--client", "numgen-local"),
                        options.getOrDefault("--secret", "numgen-local-secret"))
                .report(report)
                .onIssued((number, mode) -> issued.add(number));
        if (options.containsKey("--fault-command")) {
            load.faultAction(() -> shell(options.get("--fault-command")));
        }
        if (options.containsKey("--ready-url")) {
            load.readiness(readyAt(options.get("--ready-url")));
        }
        RunResult result = load.execute();
        System.out.println(result.headline());
        System.out.println("report: " + report.toAbsolutePath().resolve("index.html"));
        List<String> failures = new java.util.ArrayList<>(result.failures());
        List<String> duplicates = issued.duplicates();
        if (!duplicates.isEmpty()) {
            failures.add(duplicates.size() + " numbers issued twice, such as " + duplicates.get(0));
        }
        failures.forEach(failure -> System.err.println("FAILED: " + failure));
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!OPTIONS.contains(args[i]) || i + 1 == args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
            }
            options.put(args[i], args[++i]);
        }
        if (!options.containsKey("--shape")) {
            throw new IllegalArgumentException("--shape is required");
        }
        return options;
    }

    /** Runs the fault command with bash in the current directory; fails unless it exits 0. */
    private static void shell(String command) {
        try {
            Process process =
                    new ProcessBuilder("bash", "-c", command).inheritIO().start();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("\"" + command + "\" exited " + exit);
            }
        } catch (IOException e) {
            throw new IllegalStateException("\"" + command + "\" did not start: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Ready when the URL answers 200. */
    public static BooleanSupplier readyAt(String url) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1))
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(2))
                .build();
        return () -> {
            try {
                return http.send(request, HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }
}
