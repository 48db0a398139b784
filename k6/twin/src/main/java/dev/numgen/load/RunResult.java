package dev.numgen.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A finished run: its metrics, its thresholds evaluated the k6 way, and what its fault did. */
public final class RunResult {

    /**
     * The fault of a run: when the action ran (from the start of the run), how long the killed node took from then
     * until the readiness probe first saw it ready (empty without a probe, or if it never came back), and the
     * action's failure, if it threw.
     */
    public record FaultOutcome(
            int node,
            Optional<Duration> actedAt,
            Optional<Duration> nodeBackAfter,
            boolean probed,
            Optional<String> actionFailure) {

        List<String> problems() {
            List<String> problems = new ArrayList<>();
            actionFailure.ifPresent(failure -> problems.add("the fault action failed: " + failure));
            if (actedAt.isEmpty()) {
                problems.add("the fault action never ran");
            }
            if (probed && actionFailure.isEmpty() && nodeBackAfter.isEmpty()) {
                problems.add("node " + node + " was not ready again " + LoadRun.READY_TIMEOUT + " after the fault");
            }
            return problems;
        }
    }

    private final Shape shape;
    private final String run;
    private final Scenario scenario;
    private final long startedMillis;
    private final Duration elapsed;
    private final Duration clientCpu;
    private final Recording recording;
    private final Metrics metrics;
    private final Optional<FaultOutcome> fault;
    private final List<Threshold.Outcome> outcomes = new ArrayList<>();

    RunResult(
            Shape shape,
            String run,
            Scenario scenario,
            long startedMillis,
            Duration elapsed,
            Duration clientCpu,
            Recording recording,
            Metrics metrics,
            Optional<FaultOutcome> fault) {
        this.shape = shape;
        this.run = run;
        this.scenario = scenario;
        this.startedMillis = startedMillis;
        this.elapsed = elapsed;
        this.clientCpu = clientCpu;
        this.recording = recording;
        this.metrics = metrics;
        this.fault = fault;
        shape.thresholds()
                .forEach((metric, thresholds) ->
                        thresholds.forEach(threshold -> outcomes.add(threshold.evaluate(metrics.get(metric)))));
    }

    public String shapeName() {
        return shape.name();
    }

    public String run() {
        return run;
    }

    Shape shape() {
        return shape;
    }

    Scenario scenario() {
        return scenario;
    }

    long startedMillis() {
        return startedMillis;
    }

    Duration elapsed() {
        return elapsed;
    }

    /** The CPU time the load generator's JVM used during the run. */
    public Duration clientCpu() {
        return clientCpu;
    }

    Recording recording() {
        return recording;
    }

    Metrics metrics() {
        return metrics;
    }

    public Optional<FaultOutcome> fault() {
        return fault;
    }

    List<Threshold.Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    public long requests() {
        return ((Metrics.Counter) metrics.get("http_reqs")).count();
    }

    public long dropped() {
        return ((Metrics.Counter) metrics.get("dropped_iterations")).count();
    }

    public long failedRequests() {
        return ((Metrics.Rate) metrics.get("http_req_failed")).trues();
    }

    /** Requests per second over the planned duration of the scenario. */
    public double achievedRate() {
        return requests() / (scenario.duration().toNanos() / 1e9);
    }

    /** The planned iterations per second, on average over the scenario. */
    public double plannedRate() {
        return scenario.schedule().total() / (scenario.duration().toNanos() / 1e9);
    }

    public double latencyMillis(double percentile) {
        return ((Metrics.Trend) metrics.get("http_req_duration")).percentile(percentile);
    }

    public double maxLatencyMillis() {
        return ((Metrics.Trend) metrics.get("http_req_duration")).max();
    }

    /** How late the generator sent requests after their planned start, at this percentile, in milliseconds. */
    public double sendLatenessMillis(double percentile) {
        return recording.lateness().getValueAtPercentile(percentile) / 1000.0;
    }

    /** The longest stall in milliseconds, for a shape whose timeline is kept. */
    public Optional<Long> stallMillis() {
        return recording.stall().map(Timeline.Stretch::millis);
    }

    /** Every threshold that failed and every problem of the fault, each named; empty when the run passed. */
    public List<String> failures() {
        return failures(Set.of());
    }

    /**
     * {@link #failures()} but for the thresholds on {@code reportedOnly} metrics, which a caller shows without failing
     * on them (see {@link #failedThresholdsOn(Set)}).
     */
    public List<String> failures(Set<String> reportedOnly) {
        List<String> failures = new ArrayList<>();
        outcomes.stream()
                .filter(outcome -> !outcome.passed())
                .filter(outcome -> !reportedOnly.contains(outcome.threshold().metric()))
                .map(outcome -> "threshold " + outcome.describe() + " failed")
                .forEach(failures::add);
        fault.ifPresent(outcome -> failures.addAll(outcome.problems()));
        return failures;
    }

    /** The failed thresholds on {@code metrics}, each named. */
    public List<String> failedThresholdsOn(Set<String> metrics) {
        return outcomes.stream()
                .filter(outcome -> !outcome.passed())
                .filter(outcome -> metrics.contains(outcome.threshold().metric()))
                .map(outcome -> "threshold " + outcome.describe() + " failed")
                .toList();
    }

    /** Throws, naming each failed threshold, unless every one held. */
    public RunResult requirePassed() {
        List<String> failures = failures();
        if (!failures.isEmpty()) {
            throw new ThresholdsFailedException(shape.name() + " (" + run + "): " + String.join("; ", failures));
        }
        return this;
    }

    /** One line of figures, for logs. */
    public String headline() {
        StringBuilder line = new StringBuilder(String.format(
                java.util.Locale.ROOT,
                "%s (%s): %d requests, %.1f/s of %.1f/s planned, p95 %.1f ms, p99 %.1f ms, max %.1f ms, %d failed, %d"
                        + " dropped",
                shape.name(),
                run,
                requests(),
                achievedRate(),
                plannedRate(),
                latencyMillis(95),
                latencyMillis(99),
                maxLatencyMillis(),
                failedRequests(),
                dropped()));
        line.append(String.format(
                java.util.Locale.ROOT,
                ", sent late p99 %.1f ms, client CPU %.1f s (%.0f%% of a core)",
                sendLatenessMillis(99),
                clientCpu.toNanos() / 1e9,
                100.0 * clientCpu.toNanos() / elapsed.toNanos()));
        stallMillis().ifPresent(stall -> line.append(", stall ").append(stall).append(" ms"));
        fault.ifPresent(outcome -> line.append(", node ")
                .append(outcome.node())
                .append(" back after ")
                .append(outcome.nodeBackAfter().map(Duration::toString).orElse("(not measured)")));
        return line.toString();
    }

    /** A run whose thresholds did not all hold. */
    public static final class ThresholdsFailedException extends RuntimeException {
        ThresholdsFailedException(String message) {
            super(message);
        }
    }
}
