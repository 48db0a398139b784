package dev.numgen.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.LocalNodeTest;
import dev.numgen.server.testing.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * security-tests/probe.sh, the outside probe of the first security review (curl against a running node), run
 * against a real node so that it cannot fall out of date with the service.
 */
@LocalNodeTest
class SecurityProbeTest {

    @LocalServerPort
    int port;

    @Autowired
    DevIssuer issuer;

    @Autowired
    Environment environment;

    @Test
    void theOutsideProbeFindsNoneOfTheReviewsDefects() throws IOException, InterruptedException {
        Process probe = new ProcessBuilder(
                        "bash",
                        Repository.file("security-tests/probe.sh").toString(),
                        "http://127.0.0.1:" + port,
                        "http://127.0.0.1:" + issuer.port(),
                        environment.getRequiredProperty("numgen.ignite.client-connector-port"))
                .redirectErrorStream(true)
                .start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(probe.exitValue()).as(output).isZero();
        assertThat(output).as(output).containsPattern("(?m)^[1-9][0-9]* passed, 0 failed$");
    }
}
