package dev.numgen.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.DevIssuerClient;
import dev.numgen.server.testing.HttpReply;
import dev.numgen.server.testing.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three containers of the image form one cluster with TLS between them (certificates from {@code bin/certs}) on a
 * podman network of their own; one is killed ({@code SIGKILL}) and started again. No number is issued twice, and a
 * GAPLESS counter asked one number at a time moves by exactly one each time, whichever node answers.
 */
class ThreeNodeContainerIT {

    private static final String NETWORK = "numgen-it-cluster";
    private static final String SUBNET = "10.89.7";
    private static final int NODES = 3;
    private static final Duration READY_WITHIN = Duration.ofMinutes(4);
    private static final Duration RETRY_WITHIN = Duration.ofSeconds(90);

    private static final Podman podman = new Podman();
    private static Path work;
    private static final int[] apiPorts = new int[NODES + 1];
    private static int issuerPort;

    @BeforeAll
    static void startCluster() throws IOException {
        podman.buildImage();
        work = Files.createTempDirectory("numgen-container-cluster");
        Path tls = work.resolve("tls");
        Podman.run(
                Duration.ofMinutes(2),
                Repository.file("bin/certs").toString(),
                tls.toString(),
                "node-1",
                "node-2",
                "node-3");
        for (int i = 1; i <= NODES; i++) {
            Files.createDirectories(work.resolve("data-" + i));
            apiPorts[i] = Podman.freePort();
        }
        Files.createDirectories(work.resolve("shared"));
        issuerPort = Podman.freePort();
        // The image's user reads the key stores and owns the data; the key stores stay unreadable to anyone else.
        Podman.run(Duration.ofSeconds(30), "chown", "-R", "10001:10001", work.toString());
        Podman.run(Duration.ofSeconds(30), "chmod", "711", work.toString());
        removeNetwork();
        Podman.run(Duration.ofMinutes(1), "podman", "network", "create", "--subnet", SUBNET + ".0/24", NETWORK);
        for (int i = 1; i <= NODES; i++) {
            start(i);
        }
        for (int i = 1; i <= NODES; i++) {
            podman.awaitReady(name(i), readiness(i), READY_WITHIN);
        }
    }

    @AfterAll
    static void removeCluster() {
        podman.removeContainers();
        removeNetwork();
        if (work != null) {
            Podman.run(Duration.ofSeconds(30), "rm", "-rf", work.toString());
        }
    }

    @Test
    void aTlsClusterOfContainersIssuesEveryNumberOnceThroughTheKillAndRestartOfANode() {
        String token =
                DevIssuerClient.token(issuerPort, "numbers:generate", "prefix-configs:read", "prefix-configs:write");
        HttpReply segment = api(1).put("/api/prefix-configs/CSEG", token, "{\"format\":\"S-{seq:8}\"}");
        assertThat(segment.status()).as(segment.body()).isIn(200, 201);
        HttpReply gapless =
                api(1).put("/api/prefix-configs/CGAP", token, "{\"format\":\"G-{seq:8}\",\"strategy\":\"GAPLESS\"}");
        assertThat(gapless.status()).as(gapless.body()).isIn(200, 201);

        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        List<Long> gaplessValues = new ArrayList<>();
        List<Integer> asked = new ArrayList<>();
        Round round = nodes -> {
            for (int node : nodes) {
                asked.add(node);
                List<String> numbers = new ArrayList<>(issue(node, token, "CSEG", 5));
                String one = issue(node, token, "CGAP", 1).get(0);
                gaplessValues.add(Long.parseLong(one.substring("G-".length())));
                numbers.add(one);
                for (String number : numbers) {
                    if (!seen.add(number)) {
                        duplicates.add(number + " (node " + node + ")");
                    }
                }
            }
        };

        round.on(1, 2, 3);
        Podman.run(Duration.ofSeconds(30), "podman", "kill", "--signal", "KILL", name(2));
        round.on(1, 3, 1, 3);
        Podman.run(Duration.ofMinutes(1), "podman", "start", name(2));
        podman.awaitReady(name(2), readiness(2), READY_WITHIN);
        round.on(2, 1, 3, 2);

        assertThat(duplicates).as("numbers issued twice").isEmpty();
        assertThat(seen).as("five SEGMENT and one GAPLESS number per call").hasSize(asked.size() * 6);
        for (int i = 1; i < gaplessValues.size(); i++) {
            assertThat(gaplessValues.get(i))
                    .as("GAPLESS values in issue order %s", gaplessValues)
                    .isEqualTo(gaplessValues.get(i - 1) + 1);
        }
    }

    @FunctionalInterface
    private interface Round {
        void on(int... nodes);
    }

    /**
     * {@code count} numbers from {@code node}, retried while the cluster recovers from a node's loss (a request in
     * flight then may be answered 503); each retry is a new request, none carries numbers of an earlier one.
     */
    private static List<String> issue(int node, String token, String prefix, int count) {
        long deadline = System.nanoTime() + RETRY_WITHIN.toNanos();
        HttpReply reply;
        do {
            reply = api(node).get("/api/numbers?prefixKey=" + prefix + "&count=" + count, token);
            if (reply.status() == 200) {
                assertThat(reply.header("Numgen-Mode")).as("node %d", node).isEqualTo("NORMAL");
                assertThat(reply.numbers()).hasSize(count);
                return reply.numbers();
            }
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("node " + node + " gave no " + prefix + " numbers within " + RETRY_WITHIN + ": "
                + reply.status() + " " + reply.body() + "\n" + podman.logs(name(node)));
    }

    private static void start(int i) {
        String ip = SUBNET + "." + (10 + i);
        List<String> args = new ArrayList<>(List.of(
                "--network",
                NETWORK,
                "--ip",
                ip,
                "--read-only",
                "--tmpfs",
                "/tmp:rw,size=64m",
                "-v",
                work.resolve("data-" + i) + ":/var/lib/numgen",
                "-v",
                work.resolve("shared") + ":/var/lib/numgen-shared",
                // bin/certs' properties name the key stores by their host paths: the same paths inside.
                "-v",
                work.resolve("tls") + ":" + work.resolve("tls") + ":ro",
                "-p",
                "127.0.0.1:" + apiPorts[i] + ":8080",
                "-e",
                "JDK_JAVA_OPTIONS=-Xmx320m -XX:TieredStopAtLevel=1",
                "-e",
                "NUMGEN_SECURITY_DEV_ISSUER_ISSUER_URI=http://numgen-issuer.test",
                "-e",
                "NUMGEN_SECURITY_DEV_ISSUER_KEY_FILE=/var/lib/numgen-shared/dev-issuer-key.json",
                "-e",
                "NUMGEN_IGNITE_CONSISTENT_ID=node-" + i,
                "-e",
                "NUMGEN_IGNITE_LOCAL_HOST=" + ip,
                "-e",
                "NUMGEN_IGNITE_PORT_RANGE=0",
                "-e",
                "NUMGEN_IGNITE_DISCOVERY_ADDRESSES=" + SUBNET + ".11:47500," + SUBNET + ".12:47500," + SUBNET
                        + ".13:47500",
                "-e",
                "NUMGEN_IGNITE_INITIAL_BASELINE_SIZE=" + NODES,
                "-e",
                "NUMGEN_IGNITE_FAILURE_DETECTION_TIMEOUT_MS=5000",
                "-e",
                "SPRING_CONFIG_ADDITIONALLOCATION=file:" + work.resolve("tls/node-" + i + ".properties")));
        if (i == 1) {
            args.addAll(List.of("-p", "127.0.0.1:" + issuerPort + ":9000"));
        }
        args.addAll(Podman.QUICKSTART_PROFILE);
        args.add(Podman.IMAGE);
        podman.start(name(i), args.toArray(String[]::new));
    }

    private static String name(int i) {
        return "numgen-it-node-" + i;
    }

    private static String readiness(int i) {
        return "http://127.0.0.1:" + apiPorts[i] + "/actuator/health/readiness";
    }

    private static ApiClient api(int node) {
        return new ApiClient(apiPorts[node]);
    }

    private static void removeNetwork() {
        try {
            Podman.run(Duration.ofMinutes(1), "podman", "network", "rm", "-f", NETWORK);
        } catch (IllegalStateException e) {
            // none left by an earlier run
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
