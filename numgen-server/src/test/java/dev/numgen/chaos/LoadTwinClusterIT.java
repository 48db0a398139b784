package dev.numgen.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.load.IssuedNumbers;
import dev.numgen.load.LoadRun;
import dev.numgen.load.Main;
import dev.numgen.load.RunResult;
import dev.numgen.server.testing.Repository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * The four load shapes of k6/shapes, run by the k6 scripts' executed twin (k6/twin) through HAProxy against three node
 * processes with TLS between them: every threshold of every shape must hold, fault recovery's with node 2 killed
 * ({@code kill -9}) during the run, and no number may be issued twice over all four runs (G1). The default runs are
 * the shapes' {@code reduced} forms (about 90 s of load, after a 15 s warm-up that is not judged); {@code
 * -Dload.full=true} runs the {@code full} ones (hours). Reports: target/load/SHAPE/index.html.
 */
class LoadTwinClusterIT {

    /** In this order: fault recovery last, so that the node it kills cannot disturb another shape. */
    static final List<String> SHAPES = List.of("benchmark", "peak", "endurance", "fault-recovery");

    private static final String ISSUER_URL = "http://127.0.0.1:9000";

    /**
     * Run first and not judged: the shapes measure a warm service, and a freshly started cluster (JIT, connections,
     * caches) answers its first seconds of load ten times slower (benchmark's p95 was 446 ms cold, 30 ms warm).
     */
    static final String WARM_UP = "benchmark";

    @Test
    void everyShapeHoldsItsThresholdsThroughTheBalancerAndNoNumberIsIssuedTwice() throws InterruptedException {
        try (ClusterHarness cluster = ClusterHarness.startFresh("load-twin", false, 3)) {
            runShapes(
                    cluster.balancerUrl(),
                    ISSUER_URL,
                    Path.of("target", "load").toAbsolutePath(),
                    cluster::killNode,
                    node -> Main.readyAt(cluster.nodeUrl(node) + "/actuator/health/readiness")
                            .getAsBoolean());
        }
    }

    /**
     * Runs the four shapes (reduced, or full with {@code -Dload.full=true}) one after the other against a running
     * cluster and fails, naming every failed threshold, unless all held and no number was issued twice. Fault recovery
     * calls {@code faultAction} with the node to kill and then polls {@code readiness} for that node until it is back.
     */
    static List<RunResult> runShapes(
            String balancerUrl, String issuerUrl, Path reportRoot, IntConsumer faultAction, IntPredicate readiness)
            throws InterruptedException {
        String run = Boolean.getBoolean("load.full") ? "full" : "reduced";
        IssuedNumbers issued = new IssuedNumbers();
        List<RunResult> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        RunResult warmUp = new LoadRun(shapeFile(WARM_UP), "reduced", balancerUrl, issuerUrl)
                .report(reportRoot.resolve("warm-up"))
                .onIssued((number, mode) -> issued.add(number))
                .execute();
        System.out.println("warm-up, not judged: " + warmUp.headline());
        for (String shape : SHAPES) {
            LoadRun load = new LoadRun(shapeFile(shape), run, balancerUrl, issuerUrl)
                    .report(reportRoot.resolve(shape))
                    .onIssued((number, mode) -> issued.add(number));
            load.faultNode()
                    .ifPresent(node ->
                            load.faultAction(() -> faultAction.accept(node)).readiness(() -> readiness.test(node)));
            RunResult result = load.execute();
            System.out.println(result.headline());
            results.add(result);
            failures.addAll(result.failures().stream()
                    .map(failure -> shape + ": " + failure)
                    .toList());
        }
        System.out.println(issued.count() + " numbers issued over the warm-up and the " + SHAPES.size() + " runs");
        List<String> duplicates = issued.duplicates();
        assertThat(duplicates.size())
                .as(
                        "numbers issued twice, such as %s",
                        duplicates.stream().limit(20).toList())
                .isZero();
        assertThat(failures).as("failed thresholds (reports in %s)", reportRoot).isEmpty();
        return results;
    }

    private static Path shapeFile(String shape) {
        return Repository.root().resolve("k6/shapes/" + shape + ".json");
    }
}
