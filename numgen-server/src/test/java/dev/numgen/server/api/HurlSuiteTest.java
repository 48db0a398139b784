package dev.numgen.server.api;

import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.HurlSuite;
import dev.numgen.server.testing.LocalNodeTest;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Hurl functional suite (hurl/*.hurl through hurl/run.sh) against the whole service on one node: every strategy,
 * every problem a client can cause, idempotence, isolation, versions, reset buckets and variables, over HTTP as a
 * client sends it. Reports under target/hurl/single-node; {@code EndToEndClusterIT} runs the same suite through HAProxy.
 */
@LocalNodeTest
class HurlSuiteTest {

    @LocalServerPort
    int port;

    @Autowired
    DevIssuer issuer;

    @Test
    void everyHurlCasePassesAgainstOneNode() throws IOException, InterruptedException {
        HurlSuite.Outcome outcome = HurlSuite.run(
                "http://127.0.0.1:" + port,
                "http://127.0.0.1:" + issuer.port(),
                Path.of("target", "hurl", "single-node").toAbsolutePath());

        outcome.assertEveryCasePassed();
    }
}
