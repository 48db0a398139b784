package dev.numgen.chaos;

import dev.numgen.server.testing.HttpReply;
import dev.numgen.server.testing.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Drives a real cluster through {@code bin/cluster}: separate node JVMs from the packaged jar, each under its
 * supervisor, behind HAProxy; optionally each node in its own network namespace. Every call is the script's, so what
 * these tests exercise is what the README tells users to run.
 */
final class ClusterHarness implements AutoCloseable {

    /** bin/cluster's defaults: HAProxy's API and token frontends. */
    private static final int BALANCER_PORT = 8080;

    private static final int ISSUER_PORT = 9000;

    /** How long a client waits for a response before it gives the request up (status -1). */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    static final String ALL_SCOPES = "numbers:generate prefix-configs:read prefix-configs:write numbers:admin";
    /** Faster failure detection and restart than the defaults, so that the runs fit the test suite. */
    static final String FAST_NODE_ARGS = "--numgen.ignite.failure-detection-timeout-ms=5000"
            + " --numgen.ignite.cut-off-timeout=25s --numgen.provisional.sync-interval=1s";

    private final Path repo;
    private final Path directory;
    private final boolean netns;
    /** {@link #FAST_NODE_ARGS} and the run's own. */
    private final String nodeArgs;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private int nodes;

    ClusterHarness(String name, boolean netns) {
        this(name, netns, "");
    }

    /** A harness whose nodes also get {@code extraNodeArgs} ({@code --name=value ...}). */
    ClusterHarness(String name, boolean netns, String extraNodeArgs) {
        this.repo = Repository.root();
        this.directory = Path.of("target", "chaos", name).toAbsolutePath();
        this.netns = netns;
        this.nodeArgs = (FAST_NODE_ARGS + " " + extraNodeArgs).trim();
    }

    /** A new cluster of {@code count} nodes, after removing whatever an earlier run left in its directory. */
    static ClusterHarness startFresh(String name, boolean netns, int count) {
        return startFresh(name, netns, count, "");
    }

    /** {@link #startFresh(String, boolean, int)} with {@code extraNodeArgs} for every node. */
    static ClusterHarness startFresh(String name, boolean netns, int count, String extraNodeArgs) {
        ClusterHarness cluster = new ClusterHarness(name, netns, extraNodeArgs);
        cluster.run(Duration.ofMinutes(2), "clean");
        cluster.start(count);
        return cluster;
    }

    static boolean full() {
        return Boolean.getBoolean("chaos.full");
    }

    Path directory() {
        return directory;
    }

    /** Starts (or restarts from its data) an N-node cluster and waits until every node is ready. */
    void start(int count) {
        this.nodes = count;
        run(Duration.ofMinutes(5), "start", Integer.toString(count));
    }

    void stop() {
        run(Duration.ofMinutes(3), "stop");
    }

    void killAll() {
        run(Duration.ofMinutes(1), "kill");
    }

    void killNode(int node) {
        run(Duration.ofMinutes(1), "kill-node", Integer.toString(node));
    }

    /** Starts node i (beyond the cluster's N: adds it) without waiting for it. */
    void startNode(int node) {
        run(Duration.ofMinutes(1), "start-node", Integer.toString(node));
        nodes = Math.max(nodes, node);
    }

    void stopNode(int node) {
        run(Duration.ofMinutes(2), "stop-node", Integer.toString(node));
    }

    void waitReady(int... which) {
        List<String> args = new ArrayList<>(List.of("wait-ready"));
        for (int node : which) {
            args.add(Integer.toString(node));
        }
        run(Duration.ofMinutes(5), args.toArray(String[]::new));
    }

    void partition(int node) {
        run(Duration.ofSeconds(30), "partition", Integer.toString(node));
    }

    void heal(int node) {
        run(Duration.ofSeconds(30), "heal", Integer.toString(node));
    }

    String status() {
        return run(Duration.ofSeconds(30), "status");
    }

    String logs(int node) {
        return run(Duration.ofSeconds(30), "logs", Integer.toString(node));
    }

    /** Node i's own address, as seen from its own network namespace (and from the host while it is connected). */
    String nodeUrl(int node) {
        return "http://" + (netns ? "10.87.0." + (10 + node) : "127.0.0.1") + ":" + (8080 + node);
    }

    String balancerUrl() {
        return "http://127.0.0.1:" + BALANCER_PORT;
    }

    /** A client-credentials token from the cluster's issuer (behind HAProxy). */
    String token() {
        String basic =
                Base64.getEncoder().encodeToString("numgen-local:numgen-local-secret".getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ISSUER_PORT + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&scope=" + ALL_SCOPES.replace(" ", "%20")))
                .timeout(Duration.ofSeconds(10))
                .build();
        HttpReply reply = send(request);
        if (reply.status() != 200) {
            throw new IllegalStateException("no token: " + reply);
        }
        return reply.json().path("access_token").asString();
    }

    /** A GET with extra headers, given as name, value, name, value... */
    HttpReply get(String url, String token, String... headers) {
        return get(url, token, REQUEST_TIMEOUT, headers);
    }

    /** A GET given up (status -1) after {@code timeout}, with extra headers as name, value, name, value... */
    HttpReply get(String url, String token, Duration timeout, String... headers) {
        HttpRequest.Builder request = request(url, token).timeout(timeout);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.GET().build());
    }

    HttpReply put(String url, String token, String json) {
        return send(request(url, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    HttpReply post(String url, String token, String json) {
        return send(request(url, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .timeout(REQUEST_TIMEOUT);
    }

    /** Registers a rule through the load balancer. */
    void register(String token, String prefixKey, String json) {
        HttpReply reply = put(balancerUrl() + "/api/prefix-configs/" + prefixKey, token, json);
        if (reply.status() != 200 && reply.status() != 201) {
            throw new AssertionError("rule " + prefixKey + " not registered: " + reply);
        }
    }

    private HttpReply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new HttpReply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            return new HttpReply(-1, Map.of(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HttpReply(-1, Map.of(), "interrupted");
        }
    }

    /**
     * A GET from inside node i's network namespace (curl), for a node the host cannot reach while it is partitioned.
     * Returns status, the Numgen-Mode header and the body.
     */
    HttpReply getFromInside(int node, String path, String token) {
        // curl fails (no output) while the node is not listening, e.g. restarting: that is a -1 reply, not an error.
        String out = run(
                false,
                Duration.ofSeconds(40),
                "exec-in",
                Integer.toString(node),
                "curl",
                "-s",
                "-m",
                "30",
                "-D",
                "-",
                "-H",
                "Authorization: Bearer " + token,
                nodeUrl(node) + path);
        return parseCurl(out);
    }

    private static HttpReply parseCurl(String out) {
        int split = out.indexOf("\r\n\r\n");
        if (!out.startsWith("HTTP/") || split < 0) {
            return new HttpReply(-1, Map.of(), out);
        }
        String[] head = out.substring(0, split).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        Map<String, List<String>> headers = new HashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        head[i].substring(0, colon).trim(),
                        List.of(head[i].substring(colon + 1).trim()));
            }
        }
        return new HttpReply(status, headers, out.substring(split + 4));
    }

    /** Runs bin/cluster with this harness's settings; fails with its output if it fails. */
    String run(Duration timeout, String... args) {
        return run(true, timeout, args);
    }

    private String run(boolean mustSucceed, Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        command.add(repo.resolve("bin/cluster").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("NUMGEN_CLUSTER_DIR", directory.toString());
        env.put("NUMGEN_CLUSTER_NETNS", netns ? "1" : "0");
        env.put("NUMGEN_NODE_ARGS", nodeArgs);
        String jar = System.getProperty("numgen.jar");
        if (jar != null && !jar.isBlank()) {
            env.put("NUMGEN_JAR", jar);
        }
        try {
            Files.createDirectories(directory);
            Path output = Files.createTempFile(directory, "cluster-", ".out");
            builder.redirectOutput(output.toFile());
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "bin/cluster " + String.join(" ", args) + " timed out:\n" + Files.readString(output));
            }
            String text = Files.readString(output);
            Files.delete(output);
            if (mustSucceed && process.exitValue() != 0) {
                throw new IllegalStateException(
                        "bin/cluster " + String.join(" ", args) + " exited " + process.exitValue() + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    int nodes() {
        return nodes;
    }

    /** Removes the cluster (processes, namespaces, data), keeping the node and HAProxy logs beside it. */
    @Override
    public void close() {
        Path kept = directory.resolveSibling(directory.getFileName() + "-logs");
        try (var files = Files.list(directory)) {
            Files.createDirectories(kept);
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".log")).toList()) {
                Files.copy(file, kept.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("could not keep the cluster logs: " + e);
        }
        run(Duration.ofMinutes(2), "clean");
    }
}
