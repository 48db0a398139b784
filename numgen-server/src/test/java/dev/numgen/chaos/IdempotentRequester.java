package dev.numgen.chaos;

import dev.numgen.problem.ProblemType;
import dev.numgen.server.testing.HttpReply;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client as the API asks it to behave: each logical request under a fresh Idempotency-Key, retried under that same
 * key after a short pause until it is answered: after a connection error or timeout, any 5xx, or a 409 saying the key
 * is busy. Any other answer, or none within {@link #giveUpAfter}, fails the client. First answers go to the
 * {@link IssuedLedger} (which finds a number received twice) and to {@link AnsweredKeys}; replays of an answered key
 * only to the latter, which compares them with the first answer.
 */
final class IdempotentRequester {

    /** How long a key is retried when the cluster is stable again before it is given up; kills take far less. */
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    private static final long PAUSE_MILLIS = 250;
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String BUSY = ProblemType.IDEMPOTENCY_KEY_BUSY.type().toString();

    private final IssuedLedger ledger;
    private final AnsweredKeys keys;
    private final Duration giveUpAfter;
    /** How long the first attempt under a key waits for its answer; each retry twice as long, up to the harness's. */
    private final Duration firstTimeout;
    /** Where the requests go, for the ledger: "lb", "nodes", "impatient node". */
    private final String via;

    private final Sender sender;

    /** Sends a request for {@code path} (with its query) under {@code key}, giving it up after {@code timeout}. */
    @FunctionalInterface
    interface Sender {
        HttpReply send(String path, String key, Duration timeout);
    }

    IdempotentRequester(
            IssuedLedger ledger,
            AnsweredKeys keys,
            Duration giveUpAfter,
            Duration firstTimeout,
            String via,
            Sender sender) {
        this.ledger = ledger;
        this.keys = keys;
        this.giveUpAfter = giveUpAfter;
        this.firstTimeout = firstTimeout;
        this.via = via;
        this.sender = sender;
    }

    /**
     * A requester through the cluster's load balancer. HAProxy itself sends a request again, to another node, when its
     * node closed the connection without an answer (as {@code kill -9} does), so this one sees few of the crashes.
     */
    static IdempotentRequester throughBalancer(
            ClusterHarness cluster, String token, IssuedLedger ledger, AnsweredKeys keys) {
        return new IdempotentRequester(
                ledger,
                keys,
                GIVE_UP_AFTER,
                ClusterHarness.REQUEST_TIMEOUT,
                "lb",
                (path, key, timeout) ->
                        cluster.get(cluster.balancerUrl() + path, token, timeout, IDEMPOTENCY_KEY, key));
    }

    /**
     * A requester that sends each request to the next node in turn, starting at {@code firstNode}, as a client given
     * the nodes' addresses would: it meets every crash itself, and retries on the next node.
     */
    static IdempotentRequester acrossNodes(
            ClusterHarness cluster, String token, IssuedLedger ledger, AnsweredKeys keys, int firstNode) {
        AtomicInteger turn = new AtomicInteger(firstNode - 1);
        return new IdempotentRequester(
                ledger, keys, GIVE_UP_AFTER, ClusterHarness.REQUEST_TIMEOUT, "nodes", (path, key, timeout) -> {
                    int node = 1 + turn.getAndIncrement() % cluster.nodes();
                    return sentTo(
                            node, cluster.get(cluster.nodeUrl(node) + path, token, timeout, IDEMPOTENCY_KEY, key));
                });
    }

    /**
     * An impatient requester: it gives each request up after {@code firstTimeout} (twice as long on each retry), often
     * after the request went on to commit, and stays with one node, from {@code firstNode}, until that node refuses a
     * connection. So while the node stalls (a rejoin, a failure detection), the attempts it gave up queue there behind
     * one another, and only one of them may take numbers.
     */
    static IdempotentRequester impatientOnNode(
            ClusterHarness cluster,
            String token,
            IssuedLedger ledger,
            AnsweredKeys keys,
            int firstNode,
            Duration firstTimeout) {
        AtomicInteger current = new AtomicInteger(firstNode);
        return new IdempotentRequester(
                ledger, keys, GIVE_UP_AFTER, firstTimeout, "impatient node", (path, key, timeout) -> {
                    int node = current.get();
                    HttpReply reply = cluster.get(cluster.nodeUrl(node) + path, token, timeout, IDEMPOTENCY_KEY, key);
                    if (reply.status() == -1 && reply.body().contains("ConnectException")) {
                        current.set(1 + node % cluster.nodes());
                    }
                    return sentTo(node, reply);
                });
    }

    /** A reply that got no answer names the node it was sent to, for the ledger's failures. */
    private static HttpReply sentTo(int node, HttpReply reply) {
        return reply.status() == -1 ? new HttpReply(-1, reply.headers(), "node " + node + ": " + reply.body()) : reply;
    }

    /**
     * Requests {@code path} under a fresh key until answered; a key that needed retries is then asked once more, and
     * must be answered with the same numbers. Returns the key.
     */
    String issue(String path) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        int failed = 0;
        long deadline = System.currentTimeMillis() + giveUpAfter.toMillis();
        while (true) {
            long sentAt = System.currentTimeMillis();
            HttpReply reply = sender.send(path, key, timeout(failed));
            List<String> numbers = ledger.record(reply, via + " " + path + " key " + key, sentAt);
            if (reply.status() == 200) {
                keys.answered(key, numbers, failed, via, sentAt);
                break;
            }
            failed++;
            pauseBeforeRetry(key, failed, deadline, reply);
        }
        if (failed > 0) {
            replay(path, key);
        }
        return key;
    }

    /** Requests {@code path} again under the answered {@code key}, until answered, and records what came. */
    void replay(String path, String key) throws InterruptedException {
        int failed = 0;
        long deadline = System.currentTimeMillis() + giveUpAfter.toMillis();
        while (true) {
            HttpReply reply = sender.send(path, key, timeout(failed));
            if (reply.status() == 200) {
                keys.replayed(key, reply.numbers(), failed);
                return;
            }
            failed++;
            pauseBeforeRetry(key, failed, deadline, reply);
        }
    }

    private void pauseBeforeRetry(String key, int failed, long deadline, HttpReply reply) throws InterruptedException {
        if (!retryable(reply)) {
            throw new AssertionError("key " + key + " refused after " + (failed - 1) + " failed attempts: "
                    + reply.status() + " " + reply.body());
        }
        if (System.currentTimeMillis() > deadline) {
            throw new AssertionError("key " + key + " not answered within " + giveUpAfter + " (" + failed
                    + " attempts), the last: " + reply.status() + " " + reply.body());
        }
        Thread.sleep(PAUSE_MILLIS);
    }

    /** The first timeout, doubled for each failed attempt, up to the harness's. */
    private Duration timeout(int failed) {
        Duration timeout = firstTimeout.multipliedBy(1L << Math.min(failed, 20));
        return timeout.compareTo(ClusterHarness.REQUEST_TIMEOUT) < 0 ? timeout : ClusterHarness.REQUEST_TIMEOUT;
    }

    /** No answer, a server or gateway error, or the key still held by an attempt in progress. */
    static boolean retryable(HttpReply reply) {
        return reply.status() == -1
                || reply.status() >= 500
                || (reply.status() == 409
                        && BUSY.equals(reply.json().path("type").asString()));
    }
}
