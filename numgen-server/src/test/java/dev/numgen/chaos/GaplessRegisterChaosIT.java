package dev.numgen.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three node processes behind HAProxy; clients issue GAPLESS numbers (through HAProxy, or calling the nodes in turn, one
 * of them giving requests up early), each request under a fresh Idempotency-Key that they retry until it is answered,
 * while a random node is killed with {@code kill -9} and restarted, repeatedly. Every request is answered once
 * whatever the crash or the timeout cut off: no number is received twice, a retried key answers again with the numbers
 * its client received, and the register, read through the API, holds every value from 1 to the highest, each under the
 * key and token subject of the client that received it, and nothing else. The default run kills twice under four
 * clients; {@code -Dchaos.full=true} six times under eight.
 */
class GaplessRegisterChaosIT {

    private static final String PREFIX_KEY = "GREG";
    /** How the rule renders value {@code n}. */
    private static final String NUMBER = "GR-%09d";
    /** A client's step retries its key, then perhaps replays it, each for at most the requester's patience. */
    private static final Duration STEP_TIMEOUT =
            IdempotentRequester.GIVE_UP_AFTER.multipliedBy(2).plus(ClusterHarness.REQUEST_TIMEOUT);

    /** About what a GAPLESS request takes on these nodes: the impatient clients give many up as they commit. */
    private static final Duration IMPATIENT = Duration.ofMillis(30);

    /**
     * All clients share the issuer's one client, so one token subject: its Idempotency-Key limits (10000 keys a day by
     * default) must hold every key of a full run, and the attempts a kill left counted.
     */
    private static final String ALL_KEYS_A_RUN_USES =
            "--numgen.idempotency.max-keys-per-client=1000000 --numgen.idempotency.max-numbers-per-client=10000000";

    private static ClusterHarness cluster;
    private static String token;

    @BeforeAll
    static void startCluster() {
        cluster = ClusterHarness.startFresh("gapless-register", false, 3, ALL_KEYS_A_RUN_USES);
        token = cluster.token();
        cluster.register(token, PREFIX_KEY, "{\"format\":\"GR-{seq:9}\",\"strategy\":\"GAPLESS\"}");
    }

    @AfterAll
    static void removeCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyKeyIsAnsweredOnceAcrossKillNineAndTheRegisterHoldsEveryValueUnderItsKey() throws InterruptedException {
        int rounds = ClusterHarness.full() ? 6 : 2;
        int clients = ClusterHarness.full() ? 8 : 4;
        long seed = System.nanoTime();
        Random random = new Random(seed);
        IssuedLedger ledger = new IssuedLedger();
        AnsweredKeys keys = new AnsweredKeys();
        IdempotentRequester balanced = IdempotentRequester.throughBalancer(cluster, token, ledger, keys);
        List<Outage> outages;
        long started = System.currentTimeMillis();
        try (LoadClients load = new LoadClients(clients, STEP_TIMEOUT, client -> {
            IdempotentRequester requester = requester(client, balanced, ledger, keys);
            return () -> requester.issue(path(1 + ThreadLocalRandom.current().nextInt(3)));
        })) {
            outages = killAndRestart(rounds, random);
        }
        // With every node up again, each retried key still answers with what its client received.
        for (AnsweredKeys.Answer answer : keys.retried()) {
            balanced.replay(path(answer.numbers().size()), answer.key());
        }
        System.out.printf(
                "GAPLESS kill -9 x%d (nodes %s, seed %d) in %d s: %d requests, %d keys (%d answered after %d failed"
                        + " attempts, %d replays), %d numbers%n",
                rounds,
                outages.stream().map(Outage::node).toList(),
                seed,
                (System.currentTimeMillis() - started) / 1000,
                ledger.requests(),
                keys.size(),
                keys.retried().size(),
                keys.failedAttempts(),
                keys.replays(),
                keys.numbers());
        System.out.printf(
                "GAPLESS failed attempts by status %s (-1: no answer), around the outages %s%n",
                ledger.failures().stream()
                        .collect(Collectors.groupingBy(
                                IssuedLedger.Failure::status, TreeMap::new, Collectors.counting())),
                outages);
        JsonNode check =
                cluster.get(registerUrl() + "/check", token).expect(200).json();
        JsonNode counter = check.path("counters").path(0);
        List<JsonNode> entries = registerEntries(counter.path("counter").asString());
        System.out.printf(
                "GAPLESS register: highest %d, %d records, %d entries, records by node %s; %d retried keys answered"
                        + " with what an earlier attempt had committed (its answer lost to a kill or a timeout)%n",
                counter.path("highest").asLong(),
                counter.path("records").asLong(),
                entries.size(),
                recordsByNode(entries),
                committedBeforeTheirAnswer(keys.retried(), entries));

        assertThat(ledger.duplicates()).as("numbers received twice").isEmpty();
        assertThat(keys.conflicts())
                .as("keys answered with other numbers on a retry")
                .isEmpty();
        assertThat(keys.retried()).as("keys their clients retried").isNotEmpty();

        assertTheRegisterAccountsForEveryAnswer(keys, ledger, check, entries);
        assertThat(cluster.status()).doesNotContain("DOWN");
    }

    /**
     * Client i's requester: half the clients behind HAProxy, which itself retries a request a dying node left
     * unanswered; the others call the nodes themselves and meet each crash, every other one of them impatient: it
     * gives a request up after {@link #IMPATIENT}, often after it committed, and retries on the same node.
     */
    private static IdempotentRequester requester(
            int client, IdempotentRequester balanced, IssuedLedger ledger, AnsweredKeys keys) {
        int firstNode = 1 + client % 3;
        if (client % 2 == 0) {
            return balanced;
        }
        return client % 4 == 3
                ? IdempotentRequester.impatientOnNode(cluster, token, ledger, keys, firstNode, IMPATIENT)
                : IdempotentRequester.acrossNodes(cluster, token, ledger, keys, firstNode);
    }

    /** With load on the cluster, {@code rounds} times: {@code kill -9} of a random node, until it is back. */
    private static List<Outage> killAndRestart(int rounds, Random random) throws InterruptedException {
        List<Outage> outages = new ArrayList<>();
        Thread.sleep(5_000);
        for (int round = 0; round < rounds; round++) {
            int node = 1 + random.nextInt(3);
            long killedAt = System.currentTimeMillis();
            cluster.killNode(node);
            Thread.sleep(3_000); // the supervisor notices and restarts it
            cluster.waitReady();
            outages.add(new Outage(node, killedAt, System.currentTimeMillis()));
            Thread.sleep(5_000); // load on the whole cluster again
        }
        return outages;
    }

    /**
     * The register check finds the counter complete up to the highest value, one value for each number received, and
     * the register holds, under each key, exactly the numbers the key's client received, as ISSUED to its subject.
     */
    private static void assertTheRegisterAccountsForEveryAnswer(
            AnsweredKeys keys, IssuedLedger ledger, JsonNode check, List<JsonNode> entries) {
        assertThat(mismatches(keys, ledger, entries))
                .as("keys whose numbers in the register are not those their client received")
                .isEmpty();
        JsonNode counter = check.path("counters").path(0);
        assertThat(check.path("complete").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.path("counters").size()).as(check.toString()).isOne();
        assertThat(counter.path("missingCount").asLong()).as(check.toString()).isZero();
        assertThat(counter.path("voided").asLong()).as(check.toString()).isZero();
        assertThat(counter.path("highest").asLong())
                .as("the highest value: one for every number received")
                .isEqualTo(keys.numbers());
        assertThat(counter.path("records").asLong())
                .as("register records: one for every key")
                .isEqualTo(keys.size());

        assertThat(entries.stream().map(entry -> entry.path("value").asLong()).toList())
                .as("the register's values")
                .isEqualTo(LongStream.rangeClosed(1, keys.numbers()).boxed().toList());
        String subject = subject(token);
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.path("state").asString()).as(entry.toString()).isEqualTo("ISSUED");
            assertThat(entry.path("number").asString())
                    .as(entry.toString())
                    .isEqualTo(NUMBER.formatted(entry.path("value").asLong()));
            assertThat(entry.path("issued").path("subject").asString())
                    .as(entry.toString())
                    .isEqualTo(subject);
        });
    }

    private static String path(int count) {
        return "/api/numbers?prefixKey=" + PREFIX_KEY + "&count=" + count;
    }

    private static String registerUrl() {
        return cluster.balancerUrl() + "/api/prefix-configs/" + PREFIX_KEY + "/register";
    }

    /** Every entry of the counter's register ({@code ""}: the rule's one counter), page after page from value 1. */
    private static List<JsonNode> registerEntries(String counter) {
        List<JsonNode> entries = new ArrayList<>();
        long from = 1;
        while (true) {
            String query =
                    (counter.isEmpty() ? "" : "counter=" + URLEncoder.encode(counter, StandardCharsets.UTF_8) + "&")
                            + "from=" + from + "&limit=1000";
            JsonNode page =
                    cluster.get(registerUrl() + "?" + query, token).expect(200).json();
            page.path("entries").forEach(entries::add);
            JsonNode next = page.path("nextFrom");
            if (next.isNull() || next.isMissingNode()) {
                return entries;
            }
            assertThat(next.asLong()).as("nextFrom after a page from %d", from).isGreaterThan(from);
            from = next.asLong();
        }
    }

    /**
     * Each key (or "(none)") whose numbers in the register are not exactly those its client received, with the
     * register's entries under it, the client's answer and its failed attempts.
     */
    private static List<String> mismatches(AnsweredKeys keys, IssuedLedger ledger, List<JsonNode> entries) {
        Map<String, List<String>> registered = numbersByKey(entries);
        Set<String> all = new TreeSet<>(registered.keySet());
        all.addAll(keys.numbersByKey().keySet());
        List<String> found = new ArrayList<>();
        for (String key : all) {
            AnsweredKeys.Answer answer = keys.answer(key);
            if (answer == null || !answer.numbers().equals(registered.get(key))) {
                List<String> registeredEntries = entries.stream()
                        .filter(entry -> keyOf(entry).equals(key))
                        .map(JsonNode::toString)
                        .toList();
                List<IssuedLedger.Failure> failures = ledger.failures().stream()
                        .filter(failure -> failure.via().endsWith(" key " + key))
                        .toList();
                found.add("key " + key + ": registered " + registeredEntries + "; received " + answer + " after "
                        + failures);
            }
        }
        return found;
    }

    private static String keyOf(JsonNode entry) {
        JsonNode key = entry.path("issued").path("idempotencyKey");
        return key.isString() ? key.asString() : "(none)";
    }

    /** The numbers of the ISSUED entries under each Idempotency-Key, in value order; "(none)" for no key. */
    private static Map<String, List<String>> numbersByKey(List<JsonNode> entries) {
        Map<String, List<String>> numbers = new HashMap<>();
        for (JsonNode entry : entries) {
            if (entry.path("state").asString().equals("ISSUED")) {
                numbers.computeIfAbsent(keyOf(entry), any -> new ArrayList<>())
                        .add(entry.path("number").asString());
            }
        }
        return numbers;
    }

    /** How many register records (first values) each node committed. */
    private static Map<String, Integer> recordsByNode(List<JsonNode> entries) {
        Map<String, Set<String>> firsts = new HashMap<>();
        for (JsonNode entry : entries) {
            JsonNode issued = entry.path("issued");
            firsts.computeIfAbsent(issued.path("node").asString(), any -> new HashSet<>())
                    .add(issued.path("first").asString());
        }
        Map<String, Integer> counts = new HashMap<>();
        firsts.forEach((node, values) -> counts.put(node, values.size()));
        return counts;
    }

    /**
     * How many of the retried keys were committed before the attempt that got their answer was sent, so by an earlier
     * attempt whose answer was lost.
     */
    private static long committedBeforeTheirAnswer(List<AnsweredKeys.Answer> retried, List<JsonNode> entries) {
        Map<String, Long> committedAt = new HashMap<>();
        for (JsonNode entry : entries) {
            JsonNode issued = entry.path("issued");
            committedAt.put(
                    issued.path("idempotencyKey").asString(),
                    Instant.parse(issued.path("committedAt").asString()).toEpochMilli());
        }
        return retried.stream()
                .filter(answer -> committedAt.getOrDefault(answer.key(), Long.MAX_VALUE) < answer.sentAt())
                .count();
    }

    /** The {@code sub} claim of a JWT. */
    private static String subject(String jwt) {
        byte[] claims = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
        return JsonMapper.shared().readTree(claims).path("sub").asString();
    }
}
