package dev.numgen.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;

/**
 * One run of a shape's scenario against the service, as k6 would run the script: an open model that starts every
 * iteration at its planned time whatever the earlier ones do, at most {@code maxVUs} in flight; each iteration one
 * request of the traffic mix with the check of traffic.json (a 200 whose body holds {@code count} numbers). For a
 * shape with a fault, the caller's fault action runs at the fault's time and the caller's readiness probe is then
 * polled until the killed node is back.
 */
public final class LoadRun {

    /** How long a request may take before it is given up; HAProxy gives up a silent node after 30 s too. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** How long after the fault the killed node has to be ready again. */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private static final Duration READY_POLL = Duration.ofMillis(200);

    /** Receives every number the run was issued, with the mode it was issued in. */
    @FunctionalInterface
    public interface IssuedListener {
        void issued(String number, String mode);
    }

    private final Shape shape;
    private final String run;
    private final Traffic traffic;
    private final String baseUrl;
    private final String issuerUrl;
    private String clientId = "numgen-local";
    private String clientSecret = "numgen-local-secret";
    private Runnable faultAction = () -> {};
    private BooleanSupplier readiness;
    private IssuedListener listener = (number, mode) -> {};
    private Path reportDirectory;

    /**
     * A run of {@code run} ({@code full} or {@code reduced}) of the shape in {@code shapeFile}, with the traffic of
     * traffic.json beside it, against the service at {@code baseUrl} with tokens from {@code issuerUrl}.
     */
    public LoadRun(Path shapeFile, String run, String baseUrl, String issuerUrl) {
        this.shape = Shape.load(shapeFile);
        this.run = run;
        this.traffic = Traffic.load(shapeFile.resolveSibling("traffic.json"));
        this.baseUrl = trimSlash(baseUrl);
        this.issuerUrl = trimSlash(issuerUrl);
        shape.run(run);
        validateThresholds();
    }

    public LoadRun client(String id, String secret) {
        this.clientId = id;
        this.clientSecret = secret;
        return this;
    }

    /** What kills the shape's node at the fault's time (shapes without a fault never call it). */
    public LoadRun faultAction(Runnable action) {
        this.faultAction = action;
        return this;
    }

    /** Whether the killed node is ready again; without one the time until it is back is not measured. */
    public LoadRun readiness(BooleanSupplier probe) {
        this.readiness = probe;
        return this;
    }

    public LoadRun onIssued(IssuedListener issued) {
        this.listener = issued;
        return this;
    }

    /** Where index.html and summary.json go; without one no report is written. */
    public LoadRun report(Path directory) {
        this.reportDirectory = directory;
        return this;
    }

    /** The node the shape's fault kills, if it has one. */
    public Optional<Integer> faultNode() {
        return shape.fault().map(Shape.Fault::killNode);
    }

    public String shapeName() {
        return shape.name();
    }

    /** Runs the load and writes the report; the result tells whether the thresholds held. */
    public RunResult execute() throws InterruptedException {
        Scenario scenario = shape.run(run);
        ExecutorService completions = Executors.newFixedThreadPool(2, daemon("load-http"));
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .executor(completions)
                .build();
        try (TokenSource tokens = new TokenSource(http, issuerUrl, clientId, clientSecret).start()) {
            registerRules(http, tokens.token());
            Recording recording =
                    new Recording(scenario.duration(), shape.fault().map(Shape.Fault::slowMs));
            FaultWatch fault = shape.fault().map(f -> new FaultWatch(f.at(run))).orElse(null);
            long startedNanos = System.nanoTime();
            long startedMillis = System.currentTimeMillis();
            long cpuBefore = processCpuNanos();
            Thread faultThread = fault == null ? null : fault.start(startedNanos);
            schedule(scenario, http, tokens, recording, startedNanos);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
            Duration clientCpu = Duration.ofNanos(processCpuNanos() - cpuBefore);
            if (faultThread != null) {
                faultThread.join(READY_TIMEOUT.plusMinutes(1).toMillis());
            }
            RunResult result = new RunResult(
                    shape,
                    run,
                    scenario,
                    startedMillis,
                    elapsed,
                    clientCpu,
                    recording,
                    recording.metrics(elapsed),
                    fault == null ? Optional.empty() : Optional.of(fault.outcome()));
            if (reportDirectory != null) {
                Reports.write(reportDirectory, result);
            }
            return result;
        } finally {
            completions.shutdownNow();
        }
    }

    /**
     * Starts the iterations at their planned times, then waits for those in flight. An iteration due while
     * {@code maxVUs} are in flight is dropped at once, as k6's executors drop it, never queued.
     */
    private void schedule(Scenario scenario, HttpClient http, TokenSource tokens, Recording recording, long started)
            throws InterruptedException {
        Semaphore users = new Semaphore(scenario.maxVUs());
        ArrivalSchedule.Cursor cursor = scenario.schedule().cursor();
        long iteration = 0;
        while (cursor.hasNext()) {
            long due = cursor.nextStartNanos();
            long wait;
            while ((wait = started + due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (users.tryAcquire()) {
                send(http, tokens.token(), traffic.request(iteration), due, started, recording, users);
            } else {
                recording.dropped(due);
            }
            iteration++;
        }
        if (!users.tryAcquire(scenario.maxVUs(), REQUEST_TIMEOUT.plusSeconds(10).toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(
                    "requests still in flight " + REQUEST_TIMEOUT.plusSeconds(10) + " after the last start");
        }
    }

    private void send(
            HttpClient http,
            String token,
            Traffic.Request request,
            long due,
            long started,
            Recording recording,
            Semaphore users) {
        HttpRequest get = HttpRequest.newBuilder(URI.create(baseUrl + request.path()))
                .header("Authorization", "Bearer " + token)
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
        recording.sent(System.nanoTime() - started - due);
        http.sendAsync(get, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            try {
                long latency = System.nanoTime() - started - due;
                boolean failed = failure != null || response.statusCode() >= 400;
                boolean passed = failure == null && check(response, request);
                recording.completed(due, latency, failed, passed);
            } finally {
                users.release();
            }
        });
    }

    /** traffic.json's check: a 200 whose JSON body holds {@code count} numbers; they go to the listener. */
    private boolean check(HttpResponse<String> response, Traffic.Request request) {
        if (response.statusCode() != 200) {
            return false;
        }
        try {
            JsonNode body = Shape.JSON.readTree(response.body());
            JsonNode numbers = body.path("numbers");
            String mode = body.path("mode").asString("");
            numbers.forEach(number -> listener.issued(number.asString(), mode));
            return numbers.isArray() && numbers.size() == request.count();
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** PUTs the rules of traffic.json; idempotent, so a rerun against the same cluster is fine. */
    private void registerRules(HttpClient http, String token) throws InterruptedException {
        for (var rule : traffic.rules().entrySet()) {
            HttpRequest put = HttpRequest.newBuilder(URI.create(baseUrl + "/api/prefix-configs/" + rule.getKey()))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .timeout(REQUEST_TIMEOUT)
                    .PUT(HttpRequest.BodyPublishers.ofString(rule.getValue()))
                    .build();
            try {
                HttpResponse<String> response = http.send(put, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200 && response.statusCode() != 201) {
                    throw new IllegalStateException("rule " + rule.getKey() + " not registered: "
                            + response.statusCode() + " " + response.body());
                }
            } catch (IOException e) {
                throw new IllegalStateException("rule " + rule.getKey() + " not registered: " + e, e);
            }
        }
    }

    /** Fails before any load for a threshold on a metric the twin does not have or an aggregation it has not. */
    private void validateThresholds() {
        Metrics empty = new Recording(Duration.ofSeconds(1), shape.fault().map(Shape.Fault::slowMs))
                .metrics(Duration.ofSeconds(1));
        List<String> unknown = new ArrayList<>();
        shape.thresholds().forEach((metric, thresholds) -> {
            if (!empty.all().containsKey(metric)) {
                unknown.add(metric);
            } else {
                thresholds.forEach(threshold -> empty.get(metric).aggregate(threshold));
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("thresholds on metrics the twin does not measure: " + unknown);
        }
    }

    /** The fault's action at its time, then the readiness probe until the node is back. */
    private final class FaultWatch {
        private final Duration at;
        private volatile long actedNanos = -1;
        private volatile long readyNanos = -1;
        private volatile Throwable failure;

        FaultWatch(Duration at) {
            this.at = at;
        }

        Thread start(long started) {
            Thread thread = daemon("load-fault").newThread(() -> {
                try {
                    long wait;
                    while ((wait = started + at.toNanos() - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait); // parkNanos may return early
                    }
                    actedNanos = System.nanoTime() - started;
                    faultAction.run();
                    if (readiness != null) {
                        awaitReady(started);
                    }
                } catch (Throwable thrown) {
                    failure = thrown;
                }
            });
            thread.start();
            return thread;
        }

        private void awaitReady(long started) throws InterruptedException {
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (readiness.getAsBoolean()) {
                    readyNanos = System.nanoTime() - started;
                    return;
                }
                Thread.sleep(READY_POLL.toMillis());
            }
        }

        RunResult.FaultOutcome outcome() {
            Optional<Duration> back = readyNanos < 0 || actedNanos < 0
                    ? Optional.empty()
                    : Optional.of(Duration.ofNanos(readyNanos - actedNanos));
            return new RunResult.FaultOutcome(
                    shape.fault().orElseThrow().killNode(),
                    actedNanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(actedNanos)),
                    back,
                    readiness != null,
                    Optional.ofNullable(failure).map(Throwable::toString));
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * The CPU time this JVM has used: on two shared cores the load generator competes with the service, so the
     * report shows what it took.
     */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
