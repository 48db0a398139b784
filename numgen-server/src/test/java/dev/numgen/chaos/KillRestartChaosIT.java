package dev.numgen.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.server.testing.HttpReply;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three node processes behind HAProxy: {@code kill -9} of a node under concurrent load, repeated, then a graceful stop
 * and a {@code kill -9} of the whole cluster, each followed by a restart from persistence. No number may ever be
 * issued twice (G1), counters never move backwards (G4), GAPLESS continues after a restart with the next value and
 * skips none (G3), clients see errors only around a kill, and a killed node comes back by itself. The default run kills
 * twice; {@code -Dchaos.full=true} kills six times under more clients.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KillRestartChaosIT {

    private static final String SEGMENT = "/api/numbers?prefixKey=CHAOS&count=5";
    private static final String GAPLESS = "/api/numbers?prefixKey=CHAOSG";

    private static ClusterHarness cluster;
    private static final IssuedLedger ledger = new IssuedLedger();
    private static String token;

    @BeforeAll
    static void startCluster() {
        cluster = ClusterHarness.startFresh("kill-restart", false, 3);
        token = cluster.token();
        cluster.register(token, "CHAOS", "{\"format\":\"C-{seq:9}\"}");
        cluster.register(token, "CHAOSG", "{\"format\":\"G-{seq:9}\",\"strategy\":\"GAPLESS\"}");
    }

    @AfterAll
    static void removeCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void killNineOfANodeUnderLoadNeverDuplicatesAndTheNodeRejoins() throws InterruptedException {
        int rounds = ClusterHarness.full() ? 6 : 2;
        int clients = ClusterHarness.full() ? 8 : 4;
        List<Outage> outages = new ArrayList<>();
        int before;
        try (LoadClients load =
                LoadClients.throughBalancer(cluster, ledger, token, clients, List.of(SEGMENT, SEGMENT, GAPLESS))) {
            Thread.sleep(5_000);
            before = ledger.size();
            for (int round = 0; round < rounds; round++) {
                int node = 1 + round % 3;
                long killedAt = System.currentTimeMillis();
                cluster.killNode(node);
                Thread.sleep(3_000); // the supervisor notices and restarts it
                cluster.waitReady();
                outages.add(new Outage(node, killedAt, System.currentTimeMillis()));
                Thread.sleep(5_000); // load on the whole cluster again
            }
        }
        System.out.printf(
                "kill -9 x%d: %d requests, %d numbers (%d provisional), %d errors, outages %s%n",
                rounds,
                ledger.requests(),
                ledger.size(),
                ledger.provisional(),
                ledger.failures().size(),
                outages);

        assertThat(ledger.duplicates()).as("numbers issued twice").isEmpty();
        assertThat(ledger.size()).as("numbers issued during the kills").isGreaterThan(before);
        // Errors only for requests in flight while a node was down or rejoining.
        assertThat(ledger.failures())
                .as("requests failed outside the outages %s", outages)
                .allMatch(failure -> outages.stream().anyMatch(outage -> outage.explains(failure)));
        assertThat(cluster.status()).doesNotContain("DOWN");
    }

    @Test
    @Order(2)
    void fullStopAndFullKillRestartAboveEveryNumberIssued() throws InterruptedException {
        issueSome(20);
        restartsAboveEverythingIssued(cluster::stop);
        restartsAboveEverythingIssued(cluster::killAll);
        assertThat(ledger.duplicates()).as("numbers issued twice").isEmpty();
    }

    /**
     * After {@code shutdown} and a start from persistence, SEGMENT continues above every number issued (skipping the
     * unused reservations) and GAPLESS right after the highest number issued, with neither a gap nor a repeat.
     */
    private static void restartsAboveEverythingIssued(Runnable shutdown) throws InterruptedException {
        long segmentBefore = highest("C-");
        long gaplessBefore = highest("G-");
        shutdown.run();
        cluster.start(3);
        token = cluster.token();
        int times = 10;
        List<String> after = issueSome(times);
        assertThat(lowest(after, "C-")).isGreaterThan(segmentBefore);
        // One GAPLESS number per request, one request after the other: the next values in order.
        assertThat(sequences(after.stream(), "G-").boxed().toList())
                .as("GAPLESS after the restart, highest before it %d", gaplessBefore)
                .isEqualTo(LongStream.rangeClosed(gaplessBefore + 1, gaplessBefore + times)
                        .boxed()
                        .toList());
    }

    @Test
    @Order(3)
    void aFourthNodeJoinsOnceAddedToTheBaselineAndCanBeDroppedAgain() throws InterruptedException {
        cluster.startNode(4);
        awaitServerNodes(4);
        // Outside the baseline it holds no data and is not counted for the majority, so it is not ready yet.
        HttpReply early = firstAnswer(cluster.nodeUrl(4) + "/actuator/health/readiness");
        assertThat(early.status()).as(early.body()).isEqualTo(503);

        HttpReply added = cluster.put(
                cluster.balancerUrl() + "/api/cluster/baseline",
                token,
                "{\"consistentIds\":[\"node-1\",\"node-2\",\"node-3\",\"node-4\"]}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().path("baseline").size()).isEqualTo(4);
        cluster.waitReady(4);
        HttpReply fromNew = cluster.get(cluster.nodeUrl(4) + "/api/numbers?prefixKey=CHAOS&count=5", token);
        assertThat(fromNew.status()).as(fromNew.body()).isEqualTo(200);
        assertThat(fromNew.header("Numgen-Mode")).isEqualTo("NORMAL");
        ledger.record(fromNew, "node 4");

        // Dropping a node for good: stop it, then make the baseline the three left. 3 of 4 stay a majority meanwhile.
        cluster.stopNode(4);
        awaitServerNodes(3);
        HttpReply dropped = cluster.put(
                cluster.balancerUrl() + "/api/cluster/baseline",
                token,
                "{\"consistentIds\":[\"node-1\",\"node-2\",\"node-3\"]}");
        assertThat(dropped.status()).as(dropped.body()).isEqualTo(200);
        assertThat(dropped.json().path("baseline").size()).isEqualTo(3);
        issueSome(5);
        assertThat(ledger.duplicates()).as("numbers issued twice").isEmpty();
    }

    /** The first HTTP answer from a node that is still starting its web server. */
    private static HttpReply firstAnswer(String url) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            HttpReply reply = cluster.get(url, token);
            if (reply.status() != -1 || System.currentTimeMillis() > deadline) {
                return reply;
            }
            Thread.sleep(500);
        }
    }

    private static void awaitServerNodes(int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        while (true) {
            HttpReply view = cluster.get(cluster.balancerUrl() + "/api/cluster", token);
            if (view.status() == 200 && view.json().path("serverNodes").size() == count) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the cluster does not show " + count + " server nodes: " + view.body());
            }
            Thread.sleep(1_000);
        }
    }

    /** Requests through the balancer until {@code times} of each rule succeeded; returns what they received. */
    private static List<String> issueSome(int times) throws InterruptedException {
        List<String> numbers = new ArrayList<>();
        for (String path : List.of(SEGMENT, GAPLESS)) {
            int succeeded = 0;
            long deadline = System.currentTimeMillis() + 120_000;
            while (succeeded < times) {
                List<String> got = ledger.request(() -> cluster.get(cluster.balancerUrl() + path, token), "lb " + path);
                if (!got.isEmpty()) {
                    numbers.addAll(got);
                    succeeded++;
                } else if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("no numbers from " + path + ": " + ledger.failureSamples());
                } else {
                    Thread.sleep(200);
                }
            }
        }
        return numbers;
    }

    private static long highest(String prefix) {
        return sequences(ledger.issues().stream().map(IssuedLedger.Issue::number), prefix)
                .max()
                .orElseThrow();
    }

    private static long lowest(List<String> numbers, String prefix) {
        return sequences(numbers.stream(), prefix).min().orElseThrow();
    }

    /** The sequences of the rule's regular numbers among {@code numbers}. */
    private static LongStream sequences(Stream<String> numbers, String prefix) {
        return numbers.map(number -> sequence(number, prefix))
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong);
    }

    /** The sequence of a regular number of the rule; provisional numbers have none. */
    private static OptionalLong sequence(String number, String prefix) {
        String rest = number.substring(prefix.length());
        return number.startsWith(prefix) && rest.chars().allMatch(Character::isDigit)
                ? OptionalLong.of(Long.parseLong(rest))
                : OptionalLong.empty();
    }
}
