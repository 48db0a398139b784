package dev.numgen.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.server.testing.Repository;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Three TLS server processes (bin/cluster) with peer class loading on, and a client node in a JVM of its own
 * ({@link ClientNodeMain}: a {@code NumberClient} with a client certificate from the cluster's CA), issuing SEGMENT
 * and GAPLESS numbers of the same rules as REST clients behind HAProxy, while a server node is killed with
 * {@code kill -9}. No number is issued twice across the client and REST (G1), each client thread's numbers of a rule
 * only rise (G2), the counters are above every number afterwards (G4), and the GAPLESS register holds every value.
 * Then the client deploys {@link CounterExhaustionTask}, a class no server has, to every server by peer class
 * loading. The default run kills once under three REST clients; {@code -Dchaos.full=true} three times under six.
 */
class ClientNodeChaosIT {

    private static final String SEGMENT = "CN";
    private static final String GAPLESS = "CNG";
    /** A small SEGMENT rule brought close to its maxValue, for the task to find. */
    private static final String NEARLY_FULL = "CNX";

    private static final String IGNITE_DEPLOYMENT_LOADER =
            "org.apache.ignite.internal.managers.deployment.GridDeploymentClassLoader";

    private static ClusterHarness cluster;
    private static final IssuedLedger ledger = new IssuedLedger();
    private static String token;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = ClusterHarness.startFresh("client-nodes", false, 3, "--numgen.ignite.peer-class-loading=true");
        token = cluster.token();
        cluster.register(token, SEGMENT, "{\"format\":\"C-{seq:9}\"}");
        cluster.register(token, GAPLESS, "{\"format\":\"G-{seq:9}\",\"strategy\":\"GAPLESS\"}");
        cluster.register(token, NEARLY_FULL, "{\"format\":\"X-{seq:4}\",\"maxValue\":1000,\"reserveSize\":10}");
        // 850 of its 1000 values, from one node (which reserves at most a block or two ahead).
        for (int i = 0; i < 85; i++) {
            ledger.record(
                    cluster.get(cluster.nodeUrl(1) + "/api/numbers?prefixKey=" + NEARLY_FULL + "&count=10", token)
                            .expect(200),
                    "node 1 " + NEARLY_FULL);
        }
        // bin/cluster makes the CA and the nodes' certificates; the client's comes from the same CA.
        run(Repository.file("bin/certs").toString(), tlsDirectory().toString(), "client-1");
    }

    @AfterAll
    static void removeCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aClientJvmAndRestClientsNeverShareANumberAcrossKillNineAndItsPeerLoadedTaskRunsOnTheServers()
            throws Exception {
        int rounds = ClusterHarness.full() ? 3 : 1;
        int restClients = ClusterHarness.full() ? 6 : 3;
        List<Outage> outages = new ArrayList<>();
        String task;
        try (ClientNodeProcess client = ClientNodeProcess.start(
                cluster.directory().resolveSibling("client-nodes-client"),
                tlsDirectory().resolve("client-1.properties"),
                "127.0.0.1:47501..47503",
                List.of(SEGMENT, GAPLESS),
                2)) {
            try (LoadClients load = LoadClients.throughBalancer(
                    cluster,
                    ledger,
                    token,
                    restClients,
                    List.of("/api/numbers?prefixKey=" + SEGMENT + "&count=5", "/api/numbers?prefixKey=" + GAPLESS))) {
                Thread.sleep(5_000);
                awaitClientNumbers(client, 20);
                for (int round = 0; round < rounds; round++) {
                    int node = 1 + (round + 1) % 3;
                    long killedAt = System.currentTimeMillis();
                    cluster.killNode(node);
                    Thread.sleep(3_000); // the supervisor notices and restarts it
                    cluster.waitReady();
                    outages.add(new Outage(node, killedAt, System.currentTimeMillis()));
                    Thread.sleep(5_000); // load on the whole cluster again
                }
            }
            task = client.stop();
            List<ClientNodeProcess.Line> lines = client.lines();
            assertTheClientAndRestNeverSharedANumber(lines, outages);
        }
        assertTheCountersAreAboveEveryNumber();
        assertTheTaskRanOnEveryServerFromTheClient(task);
        assertThat(cluster.status()).doesNotContain("DOWN");
    }

    /** Until the client has issued {@code least} numbers of each rule (its first GAPLESS take can be slow). */
    private static void awaitClientNumbers(ClientNodeProcess client, int least) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        while (true) {
            Map<String, Long> counts = client.lines().stream()
                    .filter(ClientNodeProcess.Line::ok)
                    .collect(Collectors.groupingBy(ClientNodeProcess.Line::prefix, Collectors.counting()));
            if (counts.getOrDefault(SEGMENT, 0L) >= least && counts.getOrDefault(GAPLESS, 0L) >= least) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the client issued only " + counts + " in 3 minutes");
            }
            Thread.sleep(500);
        }
    }

    private static void assertTheClientAndRestNeverSharedANumber(
            List<ClientNodeProcess.Line> lines, List<Outage> outages) {
        List<ClientNodeProcess.Line> issued =
                lines.stream().filter(ClientNodeProcess.Line::ok).toList();
        List<ClientNodeProcess.Line> failed =
                lines.stream().filter(line -> !line.ok()).toList();
        Map<String, String> seen = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        ledger.issues().forEach(issue -> seen.put(issue.number(), issue.via()));
        for (ClientNodeProcess.Line line : issued) {
            String earlier = seen.putIfAbsent(line.value(), "client thread " + line.thread());
            if (earlier != null) {
                duplicates.add(line.value() + " by " + earlier + " and client thread " + line.thread());
            }
        }
        long firstKill = outages.get(0).killedAt();
        long lastReady = outages.get(outages.size() - 1).readyAt();
        System.out.printf(
                "client node + REST, kill -9 x%d %s: client %d numbers (%d before the first kill, %d after the"
                        + " last outage), %d client failures %s; REST %d requests, %d numbers (%d provisional), %d"
                        + " errors%n",
                outages.size(),
                outages,
                issued.size(),
                issued.stream().filter(line -> line.atMillis() < firstKill).count(),
                issued.stream().filter(line -> line.atMillis() > lastReady).count(),
                failed.size(),
                failed.stream()
                        .collect(Collectors.groupingBy(
                                line -> line.prefix() + " " + line.value().split(":")[0],
                                TreeMap::new,
                                Collectors.counting())),
                ledger.requests(),
                ledger.size(),
                ledger.provisional(),
                ledger.failures().size());

        assertThat(duplicates).as("numbers issued twice").isEmpty();
        assertThat(ledger.duplicates()).as("numbers issued twice over REST").isEmpty();
        for (String prefix : List.of(SEGMENT, GAPLESS)) {
            assertThat(issued)
                    .as("client %s numbers before the first kill", prefix)
                    .anyMatch(line -> line.prefix().equals(prefix) && line.atMillis() < firstKill);
            assertThat(issued)
                    .as("client %s numbers after the last outage", prefix)
                    .anyMatch(line -> line.prefix().equals(prefix) && line.atMillis() > lastReady);
        }
        assertThat(backwardSteps(issued))
                .as("a client thread's numbers of a rule going down")
                .isEmpty();
        // Failures only around a kill, on the client as over REST.
        assertThat(failed)
                .as("client failures outside the outages %s", outages)
                .allMatch(line -> outages.stream()
                        .anyMatch(outage -> outage.explains(new IssuedLedger.Failure(
                                line.atMillis(), line.atMillis(), 0, "client", line.value()))));
        assertThat(ledger.failures())
                .as("REST failures outside the outages %s", outages)
                .allMatch(failure -> outages.stream().anyMatch(outage -> outage.explains(failure)));
    }

    /** Each client thread takes its numbers one after the other, so per rule each is above the one before. */
    private static List<String> backwardSteps(List<ClientNodeProcess.Line> issued) {
        Map<String, Long> last = new HashMap<>();
        List<String> backward = new ArrayList<>();
        for (ClientNodeProcess.Line line : issued) {
            String key = line.thread() + " " + line.prefix();
            long sequence = sequence(line.value()).orElseThrow();
            Long before = last.put(key, sequence);
            if (before != null && before >= sequence) {
                backward.add("thread " + key + ": " + before + " then " + sequence);
            }
        }
        return backward;
    }

    /**
     * After the run a new GAPLESS number is above every number seen (G2: increasing in commit order), a new SEGMENT
     * number from each node is none of those seen (G2 orders SEGMENT per node only: a node may still hold a block
     * below another node's), and the GAPLESS register holds a record for every value up to its highest. That the
     * SEGMENT counter stands above every number is checked on the servers by the peer-loaded task.
     */
    private static void assertTheCountersAreAboveEveryNumber() throws IOException {
        Map<String, Long> highest = highestSeen();
        List<String> gapless = cluster.get(cluster.balancerUrl() + "/api/numbers?prefixKey=" + GAPLESS, token)
                .numbers();
        assertThat(sequence(gapless.get(0)).orElseThrow())
                .as("a new %s number after the run", GAPLESS)
                .isGreaterThan(highest.get("G"));
        Set<String> seen = numbersSeen();
        for (int node = 1; node <= 3; node++) {
            List<String> next = cluster.get(cluster.nodeUrl(node) + "/api/numbers?prefixKey=" + SEGMENT, token)
                    .numbers();
            assertThat(next)
                    .as("a new %s number from node %d after the run", SEGMENT, node)
                    .hasSize(1)
                    .doesNotContainAnyElementsOf(seen);
        }
        JsonNode check = cluster.get(
                        cluster.balancerUrl() + "/api/prefix-configs/" + GAPLESS + "/register/check", token)
                .expect(200)
                .json();
        System.out.println("GAPLESS register check after the run: " + check);
        assertThat(check.path("complete").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.path("counters").path(0).path("missingCount").asLong())
                .as(check.toString())
                .isZero();
        assertThat(check.path("counters").path(0).path("highest").asLong())
                .as("the register's highest against the GAPLESS numbers seen")
                .isGreaterThanOrEqualTo(highest.get("G"));
    }

    /**
     * The task's class is in neither the servers' jar nor any jar inside it; every server ran it, loaded by Ignite's
     * deployment class loader from the client, and found the counters where the numbers say they are.
     */
    private static void assertTheTaskRanOnEveryServerFromTheClient(String task) throws IOException {
        System.out.print("peer-loaded task answers:\n" + task);
        String classFile = CounterExhaustionTask.class.getName().replace('.', '/') + ".class";
        assertThat(entriesOf(Path.of(System.getProperty("numgen.jar"))))
                .as("the servers' jar and the jars in it")
                .isNotEmpty()
                .noneMatch(entry -> entry.endsWith(classFile));

        List<String[]> nodes = fields(task, "node");
        assertThat(nodes.stream().map(node -> node[1]).sorted().toList())
                .as(task)
                .containsExactly("node-1", "node-2", "node-3");
        assertThat(nodes).as(task).allSatisfy(node -> {
            assertThat(node[2]).isEqualTo("server");
            assertThat(node[3]).isEqualTo(IGNITE_DEPLOYMENT_LOADER);
            assertThat(node[4]).isEqualTo(CounterExhaustionTask.class.getName());
        });
        Map<String, Long> highest = highestSeen();
        List<String[]> rules = fields(task, "rule");
        assertThat(rules).as(task).hasSize(3 * 3).allSatisfy(rule -> {
            switch (rule[1]) {
                case SEGMENT -> {
                    assertThat(Long.parseLong(rule[3])).isGreaterThanOrEqualTo(highest.get("C"));
                    assertThat(rule[6]).isEqualTo("ok");
                }
                case GAPLESS -> {
                    assertThat(rule[2]).isEqualTo("GAPLESS");
                    assertThat(Long.parseLong(rule[3])).isGreaterThanOrEqualTo(highest.get("G"));
                }
                case NEARLY_FULL -> {
                    assertThat(rule[4]).isEqualTo("1000");
                    assertThat(Long.parseLong(rule[3])).isGreaterThanOrEqualTo(highest.get("X"));
                    assertThat(rule[6]).isEqualTo("NEAR");
                }
                default -> throw new AssertionError("a rule nobody registered: " + Arrays.toString(rule));
            }
        });
    }

    /** The highest sequence seen per number prefix ("C", "G", "X"), from REST and the client. */
    private static Map<String, Long> highestSeen() throws IOException {
        Map<String, Long> highest = new HashMap<>();
        for (String number : numbersSeen()) {
            sequence(number).ifPresent(value -> highest.merge(number.substring(0, 1), value, Math::max));
        }
        return highest;
    }

    /** Every number issued during the run, over REST and by the client. */
    private static Set<String> numbersSeen() throws IOException {
        Set<String> numbers = new HashSet<>();
        ledger.issues().forEach(issue -> numbers.add(issue.number()));
        Path file = cluster.directory().resolveSibling("client-nodes-client").resolve("numbers.tsv");
        for (String line : Files.readAllLines(file)) {
            String[] fields = line.split("\t", 5);
            if (fields.length == 5 && fields[3].equals("OK")) {
                numbers.add(fields[4]);
            }
        }
        return numbers;
    }

    /** The sequence of a regular number ({@code C-000000042}: 42); provisional numbers have none. */
    private static OptionalLong sequence(String number) {
        int dash = number.indexOf('-');
        String rest = number.substring(dash + 1);
        return dash == 1 && !rest.isEmpty() && rest.chars().allMatch(Character::isDigit)
                ? OptionalLong.of(Long.parseLong(rest))
                : OptionalLong.empty();
    }

    private static List<String[]> fields(String task, String kind) {
        return task.lines()
                .map(line -> line.split(" "))
                .filter(fields -> fields[0].equals(kind))
                .toList();
    }

    /** Every entry name of a jar and of the jars inside it (Spring Boot's BOOT-INF/lib). */
    private static List<String> entriesOf(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                names.add(entry.getName());
                if (entry.getName().endsWith(".jar")) {
                    try (InputStream in = file.getInputStream(entry);
                            JarInputStream nested = new JarInputStream(in)) {
                        for (JarEntry inner = nested.getNextJarEntry();
                                inner != null;
                                inner = nested.getNextJarEntry()) {
                            names.add(entry.getName() + "!/" + inner.getName());
                        }
                    }
                }
            }
        }
        return names;
    }

    private static Path tlsDirectory() {
        return cluster.directory().resolve("tls");
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
