package dev.numgen.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.server.testing.HurlSuite;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Hurl functional suite against a 3-node cluster from {@code bin/cluster} (TLS between the nodes, its default)
 * through HAProxy, as the README's cluster runs: the same cases as {@code HurlSuiteTest} on one node, now with each
 * request on whichever node the balancer picks, so that what one node registered, issued, voided or keyed holds on
 * the others. Reports under target/hurl/cluster.
 */
class HurlClusterIT {

    private static final String ISSUER_URL = "http://127.0.0.1:9000";

    @Test
    void everyHurlCasePassesThroughTheBalancerOfAThreeNodeCluster() throws IOException, InterruptedException {
        try (ClusterHarness cluster = ClusterHarness.startFresh("hurl", false, 3)) {
            HurlSuite.Outcome outcome = HurlSuite.run(
                    cluster.balancerUrl(),
                    ISSUER_URL,
                    Path.of("target", "hurl", "cluster").toAbsolutePath());

            assertThat(outcome.exitStatus()).as(outcome.output()).isZero();
            assertThat(outcome.tests()).as(outcome.output()).isPositive().isEqualTo(HurlSuite.caseFiles());
            assertThat(outcome.failures() + outcome.errors())
                    .as(outcome.output())
                    .isZero();
        }
    }
}
