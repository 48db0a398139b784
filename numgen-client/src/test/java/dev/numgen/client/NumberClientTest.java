package dev.numgen.client;

import static dev.numgen.rule.RuleDefinitions.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.ignite.cluster.ClusterMajority;
import dev.numgen.ignite.testing.TestCertificates;
import dev.numgen.ignite.testing.TestCertificates.Authority;
import dev.numgen.ignite.testing.TestNodes;
import dev.numgen.ignite.testing.TestNodes.ClusterLayout;
import dev.numgen.ignite.testing.TestNodes.TestNode;
import dev.numgen.issue.IssueMode;
import dev.numgen.issue.IssuedNumbers;
import dev.numgen.issue.NumberIssuer;
import dev.numgen.issue.RegisterRecord;
import dev.numgen.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client node in a two-server TLS cluster, each node with its certificate from the cluster's CA: it issues all three
 * strategies through the servers' adapters, and its numbers never collide with a server's (G1).
 */
class NumberClientTest {

    private static Path workRoot;
    private static final List<TestNode> servers = new ArrayList<>();
    private static final List<ServerSide> serverSides = new ArrayList<>();
    private static NumberClient client;

    @BeforeAll
    static void startClusterAndClient() throws Exception {
        workRoot = Files.createTempDirectory("numgen-client-test-");
        Authority ca = TestCertificates.authority(workRoot, "cluster-ca");
        ClusterLayout layout = ClusterLayout.of(workRoot, 2);
        for (int index = 0; index < 2; index++) {
            servers.add(TestNodes.start(layout, index, 2, ca.serverProperties("server-" + index, ca)));
        }
        ServerSide server = new ServerSide(servers.get(0));
        serverSides.add(server);
        server.register("ORDER", rule("ORD-{seq:8}").reserveSize(10).build());
        server.register("INVOICE", rule("INV-{seq:8}").strategy("GAPLESS").build());
        server.register("EVENT", rule("E{seq}").strategy("SNOWFLAKE").build());
        server.register(
                "REGION",
                rule("R-{var:region}-{seq:6}").variable("region", "[A-Z]{2}").build());
        client = NumberClient.start(NumberClientSettings.builder()
                .discoveryAddresses(layout.discoveryAddresses().split(","))
                .nodeName("client-1")
                .tls(ca.tls("client-1"))
                .localHost("127.0.0.1")
                .communicationPort(TestNodes.freePorts(1).get(0))
                .portRange(0)
                .workDirectory(workRoot.resolve("client-1"))
                .failureDetectionTimeout(Duration.ofSeconds(5))
                .build());
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        serverSides.forEach(ServerSide::close);
        for (int index = servers.size() - 1; index >= 0; index--) {
            servers.get(index).close();
        }
        TestFiles.delete(workRoot);
    }

    @Test
    void aClientIssuesEachStrategyAsTheServersDo() {
        IssuedNumbers orders = client.issue("ORDER", 3);
        assertThat(orders.prefixKey()).isEqualTo("ORDER");
        assertThat(orders.mode()).isEqualTo(IssueMode.NORMAL);
        assertThat(orders.numbers())
                .hasSize(3)
                .allSatisfy(number -> assertThat(number).matches("ORD-\\d{8}"));
        assertThat(client.issue("INVOICE")).matches("INV-\\d{8}");
        assertThat(client.issue("EVENT")).matches("E\\d+");
        assertThat(client.issue("REGION", 2, Map.of("region", "EU")).numbers())
                .allSatisfy(number -> assertThat(number).matches("R-EU-\\d{6}"));
    }

    @Test
    void numbersFromTheClientAndFromAServerNeverCollide() throws Exception {
        NumberIssuer server = serverSides.get(0).issuer;
        ConcurrentLinkedQueue<String> orders = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> invoices = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
        long invoicesBefore = highestInvoice();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                boolean fromClient = thread % 2 == 0;
                work.add(threads.submit(() -> {
                    for (int round = 0; round < 60; round++) {
                        orders.addAll(
                                fromClient
                                        ? client.issue("ORDER", 3).numbers()
                                        : server.issue("ORDER", 3, Map.of()).numbers());
                        invoices.addAll(
                                fromClient
                                        ? client.issue("INVOICE", 2).numbers()
                                        : server.issue("INVOICE", 2, Map.of()).numbers());
                        events.addAll(
                                fromClient
                                        ? client.issue("EVENT", 2).numbers()
                                        : server.issue("EVENT", 2, Map.of()).numbers());
                    }
                    return null;
                }));
            }
            for (Future<?> each : work) {
                Await.result("issuing from the client and a server", each);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(new HashSet<>(orders)).hasSize(4 * 60 * 3);
        assertThat(new HashSet<>(events)).hasSize(4 * 60 * 2);
        // GAPLESS: every value once, none skipped, whoever took it.
        Set<String> expectedInvoices = new HashSet<>();
        IntStream.rangeClosed(1, 4 * 60 * 2)
                .forEach(i -> expectedInvoices.add(String.format("INV-%08d", invoicesBefore + i)));
        assertThat(new HashSet<>(invoices)).hasSize(invoices.size()).isEqualTo(expectedInvoices);
    }

    @Test
    void gaplessRecordsNameTheClientAsTheCaller() {
        List<String> numbers = client.issue("INVOICE", 2).numbers();

        RegisterRecord record = registerRecordOf(numbers.get(0));
        assertThat(record.numbers()).isEqualTo(numbers);
        assertThat(record.subject()).isEqualTo("client:client-1");
        assertThat(record.node()).isEqualTo("client-1");
    }

    @Test
    void theClientStandsWithTheServersMajorityThoughItIsNoBaselineNode() {
        try (ClusterMajority majority = new ClusterMajority(client.ignite(), Duration.ofMinutes(1))) {
            majority.start();
            Await.until("the client's view of the majority", majority::inMajority);
            assertThat(client.ignite().cluster().localNode().isClient()).isTrue();
            assertThat(majority.standing().serverNodes()).isEqualTo(2);
            assertThat(majority.standing().baselinePresent()).isEqualTo(2);
        }
    }

    private static long highestInvoice() {
        return allInvoiceRecords().stream()
                .mapToLong(RegisterRecord::last)
                .max()
                .orElse(0);
    }

    private static RegisterRecord registerRecordOf(String number) {
        return allInvoiceRecords().stream()
                .filter(record -> record.numbers().contains(number))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no register record holds " + number));
    }

    private static List<RegisterRecord> allInvoiceRecords() {
        ServerSide server = serverSides.get(0);
        List<RegisterRecord> all = new ArrayList<>();
        server.register.counters("INVOICE").forEach(key -> all.addAll(server.register.records(key, 0, 10_000)));
        return all;
    }
}
