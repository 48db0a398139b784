package dev.numgen.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.DevIssuerClient;
import dev.numgen.server.testing.HttpReply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image that {@code bin/image} builds, run by a real container runtime (Debian's podman with runc) as a user
 * would run it: read-only root filesystem, a tmpfs for /tmp, a host directory for the data, the quickstart's
 * development issuer. It must start, become ready, issue numbers, run as its own user, and continue above its
 * numbers when a second container starts on the same data.
 */
class PodmanContainerIT {

    private static final Duration READY_WITHIN = Duration.ofMinutes(3);
    private static final String RULE = "{\"format\":\"CT-{seq:6}\",\"reset\":\"NEVER\"}";

    private static final Podman podman = new Podman();
    private static Path data;
    private static int apiPort;
    private static int issuerPort;

    @BeforeAll
    static void buildImage() throws IOException {
        podman.buildImage();
        data = Files.createTempDirectory("numgen-container-data");
        // The image's user owns its data, as a Kubernetes fsGroup or a chown does for a real volume.
        Podman.run(Duration.ofSeconds(10), "chown", "10001:10001", data.toString());
        apiPort = Podman.freePort();
        issuerPort = Podman.freePort();
    }

    @AfterAll
    static void removeAll() throws IOException {
        podman.removeContainers();
        if (data != null) {
            Podman.run(Duration.ofSeconds(30), "rm", "-rf", data.toString());
        }
    }

    @Test
    void theContainerServesNumbersAsItsOwnUserOnAReadOnlyRootAndKeepsThemAcrossContainers() throws IOException {
        String first = start("numgen-it-1");
        ApiClient api = new ApiClient(apiPort);
        String token =
                DevIssuerClient.token(issuerPort, "numbers:generate", "prefix-configs:read", "prefix-configs:write");
        assertThat(api.put("/api/prefix-configs/CONTAINER", token, RULE).status())
                .isIn(200, 201);
        List<String> before = issue(api, token);
        assertThat(before).hasSize(3).doesNotHaveDuplicates().allMatch(number -> number.startsWith("CT-"));

        long pid = podman.pid(first);
        assertThat(Files.readAllLines(Path.of("/proc/" + pid + "/status")))
                .as("the JVM's user and group")
                .anyMatch(line -> line.matches("Uid:\\s+10001\\s+10001\\s+10001\\s+10001"))
                .anyMatch(line -> line.matches("Gid:\\s+10001\\s+10001\\s+10001\\s+10001"));
        Path root = Path.of("/proc/" + pid + "/root");
        assertThatThrownBy(() -> Files.writeString(root.resolve("opt/numgen/probe"), "x"))
                .as("the root filesystem is read-only")
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Read-only file system");
        assertThat(Files.exists(root.resolve("var/lib/numgen/db")))
                .as("Ignite's data on the volume")
                .isTrue();

        // SIGTERM (podman stop) is a graceful stop: the node checkpoints and leaves; a new container takes its data.
        Podman.run(Duration.ofMinutes(1), "podman", "stop", "--time", "50", first);
        start("numgen-it-2");
        String again = DevIssuerClient.token(issuerPort, "numbers:generate");
        List<String> after = issue(api, again);
        assertThat(after).hasSize(3).doesNotContainAnyElementsOf(before);
        assertThat(after.get(0))
                .as("numbers continue above the first container's")
                .isGreaterThan(before.get(before.size() - 1));
    }

    /** Starts a container of the image on the data directory and waits until it is ready; returns its name. */
    private static String start(String name) {
        List<String> args = new ArrayList<>(List.of(
                "--read-only",
                "--tmpfs",
                "/tmp:rw,size=64m",
                "-v",
                data + ":/var/lib/numgen",
                "-p",
                "127.0.0.1:" + apiPort + ":8080",
                "-p",
                "127.0.0.1:" + issuerPort + ":9000",
                "-e",
                "JDK_JAVA_OPTIONS=-Xmx384m"));
        args.addAll(Podman.QUICKSTART_PROFILE);
        args.add(Podman.IMAGE);
        podman.start(name, args.toArray(String[]::new));
        podman.awaitReady(name, "http://127.0.0.1:" + apiPort + "/actuator/health/readiness", READY_WITHIN);
        return name;
    }

    private static List<String> issue(ApiClient api, String token) {
        HttpReply reply = api.get("/api/numbers?prefixKey=CONTAINER&count=3", token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("Numgen-Mode")).isEqualTo("NORMAL");
        return new ArrayList<>(reply.numbers());
    }
}
