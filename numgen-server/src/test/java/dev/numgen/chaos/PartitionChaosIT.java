package dev.numgen.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.server.testing.HttpReply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Three nodes, each in its own Linux network namespace on a bridge; node 3 is cut off (its veth link goes down) while
 * clients keep using the majority through HAProxy and others call node 3 from inside its namespace. The majority
 * keeps issuing regular numbers, the minority only provisional ones, GAPLESS is refused there, nothing duplicates;
 * after healing, node 3 fails liveness, is restarted by its supervisor, rejoins, and its journal reaches the cluster,
 * where the provisional numbers are listed and resolved through the API. While still cut off, node 3 is restarted once
 * (liveness) and goes on issuing provisional numbers from its own snapshot of the rules. {@code -Dchaos.full=true} cuts the node off
 * twice and issues more on both sides.
 */
class PartitionChaosIT {

    private static final int MINORITY = 3;
    private static final String SEGMENT = "/api/numbers?prefixKey=PART&count=3";
    private static final String GAPLESS = "/api/numbers?prefixKey=PARTG";
    private static final Pattern REGULAR_SEGMENT = Pattern.compile("P-\\d{4}-\\d{9}");
    private static final Pattern REGULAR_GAPLESS = Pattern.compile("PG-\\d{9}");
    /** Regular numbers of each rule the majority must issue in each stage of a cut-off, to show it keeps issuing. */
    private static final int MAJORITY_NUMBERS = 30;

    private static ClusterHarness cluster;
    private static String token;

    @BeforeAll
    static void startCluster() {
        cluster = ClusterHarness.startFresh("partition", true, 3);
        token = cluster.token();
        cluster.register(token, "PART", "{\"format\":\"P-{yyyy}-{seq:9}\"}");
        cluster.register(token, "PARTG", "{\"format\":\"PG-{seq:9}\",\"strategy\":\"GAPLESS\"}");
    }

    @AfterAll
    static void removeCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void minorityIssuesOnlyProvisionalNumbersWhichAreSyncedAndResolvedAfterHealing() throws InterruptedException {
        IssuedLedger ledger = new IssuedLedger();
        List<String> provisional = new ArrayList<>();
        int rounds = ClusterHarness.full() ? 2 : 1;
        for (int round = 0; round < rounds; round++) {
            provisional.addAll(cutOffAndHeal(ledger));
        }

        // The journal is synced once node 3 is back; the queue lists every provisional number it issued, once.
        List<String> issued = ledger.issues().stream()
                .filter(issue -> issue.mode().equals("PROVISIONAL"))
                .map(IssuedLedger.Issue::number)
                .toList();
        assertThat(issued).containsAll(provisional);
        List<String> listed = awaitListed(issued);
        assertThat(listed).as("provisional numbers listed twice").doesNotHaveDuplicates();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(issued);

        String confirmed = provisional.get(0);
        HttpReply confirm = cluster.post(
                cluster.balancerUrl() + "/api/provisional-numbers/" + confirmed + "/resolution",
                token,
                "{\"action\":\"CONFIRM\",\"note\":\"chaos test\"}");
        assertThat(confirm.status()).as(confirm.body()).isEqualTo(200);
        assertThat(confirm.json().path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirm.json().path("resolvedBy").asString()).isEqualTo("numgen-local");

        String replaced = provisional.get(1);
        HttpReply replace = cluster.post(
                cluster.balancerUrl() + "/api/provisional-numbers/" + replaced + "/resolution",
                token,
                "{\"action\":\"REPLACE\"}");
        assertThat(replace.status()).as(replace.body()).isEqualTo(200);
        String replacement = replace.json().path("replacement").asString();
        assertThat(replacement).matches("P-\\d{4}-\\d{9}");
        assertThat(ledger.issues()).extracting(IssuedLedger.Issue::number).doesNotContain(replacement);

        assertThat(ledger.duplicates()).as("numbers issued twice").isEmpty();
        System.out.printf(
                "partition x%d: %d numbers (%d provisional from the minority), replacement %s%n",
                rounds, ledger.size(), provisional.size(), replacement);
    }

    /** One partition of node 3 and its healing; returns the provisional numbers node 3 issued meanwhile. */
    private static List<String> cutOffAndHeal(IssuedLedger ledger) throws InterruptedException {
        // Node 3 serves both rules before the cut, so it knows them.
        for (String path : List.of(SEGMENT, GAPLESS)) {
            HttpReply reply = cluster.get(cluster.nodeUrl(MINORITY) + path, token);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            ledger.record(reply, "node 3 before");
        }

        List<String> provisional = new ArrayList<>();
        long starts = jvmStarts(MINORITY);
        cluster.partition(MINORITY);
        try (LoadClients majority = LoadClients.throughBalancer(cluster, ledger, token, 2, List.of(SEGMENT, GAPLESS))) {
            awaitNotReady(MINORITY);
            long cutOff = System.currentTimeMillis();
            // Node 3 first, before its cut-off limit restarts it; meanwhile the majority goes on issuing.
            int requests = ClusterHarness.full() ? 30 : 10;
            provisional.addAll(provisionalFromInside(ledger, requests, "node 3 cut off"));
            HttpReply gapless = cluster.getFromInside(MINORITY, GAPLESS, token);
            assertThat(gapless.status()).as(gapless.body()).isEqualTo(503);
            assertThat(gapless.body()).contains("no-majority");
            awaitMajorityIssues(ledger, cutOff);

            // Cut off past its limit, node 3 fails liveness and is restarted while still cut off: it cannot reach
            // the cluster's rules now, and issues provisional numbers from its own snapshot of them.
            awaitRestart(MINORITY, starts);
            awaitNotReady(MINORITY);
            long restarted = System.currentTimeMillis();
            provisional.addAll(provisionalFromInside(ledger, requests / 2, "node 3 restarted cut off"));
            awaitMajorityIssues(ledger, restarted);
        } finally {
            cluster.heal(MINORITY);
        }
        // Once more past its limit (now alone in a cluster of its own), node 3 is restarted again and rejoins.
        cluster.waitReady(MINORITY);
        awaitNormal(ledger, MINORITY);
        assertThat(ledger.issues())
                .filteredOn(issue -> issue.via().startsWith("lb"))
                .as("the majority issued only regular numbers")
                .allMatch(issue -> issue.mode().equals("NORMAL")
                        && regular(issue.via().endsWith(GAPLESS) ? REGULAR_GAPLESS : REGULAR_SEGMENT, issue));
        return provisional;
    }

    private static List<String> provisionalFromInside(IssuedLedger ledger, int requests, String via) {
        List<String> provisional = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            HttpReply reply = cluster.getFromInside(MINORITY, "/api/numbers?prefixKey=PART&count=2", token);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.header("Numgen-Mode")).isEqualTo("PROVISIONAL");
            List<String> numbers = ledger.record(reply, via);
            assertThat(numbers).allMatch(number -> number.matches("P-\\d{4}-~node-3\\.[0-9A-Z]+~"));
            provisional.addAll(numbers);
        }
        return provisional;
    }

    /** How often node i's supervisor has started its JVM so far. */
    private static long jvmStarts(int node) {
        try (var lines = Files.lines(cluster.directory().resolve("node-" + node + ".log"))) {
            return lines.filter(line -> line.contains("starting the JVM")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitRestart(int node, long startsBefore) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (jvmStarts(node) <= startsBefore) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("node " + node + " was not restarted:\n" + cluster.logs(node));
            }
            Thread.sleep(1_000);
        }
    }

    /** Waits until the majority, through the load balancer, issued many regular numbers of each rule since then. */
    private static void awaitMajorityIssues(IssuedLedger ledger, long since) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            List<IssuedLedger.Issue> recent = ledger.issues().stream()
                    .filter(issue -> issue.via().startsWith("lb") && issue.atMillis() >= since)
                    .toList();
            long segment = recent.stream()
                    .filter(issue -> regular(REGULAR_SEGMENT, issue))
                    .count();
            long gapless = recent.stream()
                    .filter(issue -> regular(REGULAR_GAPLESS, issue))
                    .count();
            if (segment >= MAJORITY_NUMBERS && gapless >= MAJORITY_NUMBERS) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the majority issued only " + segment + " SEGMENT and " + gapless
                        + " GAPLESS regular numbers while node " + MINORITY + " was cut off: "
                        + ledger.failureSamples());
            }
            Thread.sleep(500);
        }
    }

    private static boolean regular(Pattern format, IssuedLedger.Issue issue) {
        return issue.mode().equals("NORMAL") && format.matcher(issue.number()).matches();
    }

    private static void awaitNotReady(int node) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        while (true) {
            HttpReply readiness = cluster.getFromInside(node, "/actuator/health/readiness", token);
            if (readiness.status() == 503) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("node " + node + " still ready while cut off: " + readiness);
            }
            Thread.sleep(500);
        }
    }

    /** Waits until node i issues regular numbers again; every number it issued meanwhile goes into the ledger. */
    private static void awaitNormal(IssuedLedger ledger, int node) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            HttpReply reply = cluster.get(cluster.nodeUrl(node) + SEGMENT, token);
            if (reply.status() == 200) {
                ledger.record(reply, "node " + node + " after");
                if ("NORMAL".equals(reply.header("Numgen-Mode"))) {
                    return;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("node " + node + " does not issue regular numbers after healing: " + reply);
            }
            Thread.sleep(500);
        }
    }

    /** The pending provisional numbers listed once they include {@code provisional}, as often as each is listed. */
    private static List<String> awaitListed(List<String> provisional) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            HttpReply list = cluster.get(
                    cluster.balancerUrl() + "/api/provisional-numbers?prefixKey=PART&status=PENDING&limit=1000", token);
            List<String> listed = new ArrayList<>();
            if (list.status() == 200) {
                for (JsonNode item : list.json().path("items")) {
                    listed.add(item.path("number").asString());
                    assertThat(item.path("node").asString()).isEqualTo("node-3");
                }
            }
            if (Set.copyOf(listed).containsAll(provisional) || System.currentTimeMillis() > deadline) {
                return listed;
            }
            Thread.sleep(1_000);
        }
    }
}
