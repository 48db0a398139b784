package dev.numgen.chaos;

import dev.numgen.server.testing.HttpReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Every number any client received in a chaos run, to find the one duplicate that must never exist (G1), and every
 * request that received none, with when it was sent and answered.
 */
final class IssuedLedger {

    /** A number and where it came from, kept to explain a duplicate. */
    record Issue(String number, String mode, String via, long atMillis) {}

    /** A request that got no numbers: sent at {@code sentAt}, answered (or given up) at {@code answeredAt}. */
    record Failure(long sentAt, long answeredAt, int status, String via, String body) {

        @Override
        public String toString() {
            return status + " via " + via + " (sent " + sentAt + ", answered " + answeredAt + "): " + body;
        }
    }

    private final Map<String, Issue> seen = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> duplicates = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong provisional = new AtomicLong();

    /** Sends a number request and records its response; returns its numbers. */
    List<String> request(Supplier<HttpReply> request, String via) {
        long sentAt = System.currentTimeMillis();
        HttpReply reply = request.get();
        return record(reply, via, sentAt);
    }

    /** Records a number response that has just arrived; returns its numbers. */
    List<String> record(HttpReply reply, String via) {
        return record(reply, via, System.currentTimeMillis());
    }

    /**
     * Records a number response to a request sent at {@code sentAt}; returns its numbers. A 200 whose mode header
     * contradicts its body is an error of the service, not an unanswered request: it throws.
     */
    List<String> record(HttpReply reply, String via, long sentAt) {
        long now = System.currentTimeMillis();
        requests.incrementAndGet();
        if (reply.status() != 200) {
            String body = reply.body().substring(0, Math.min(200, reply.body().length()));
            failures.add(new Failure(sentAt, now, reply.status(), via, body));
            return List.of();
        }
        JsonNode body = reply.json();
        String mode = body.path("mode").asString();
        if (!mode.equals(reply.header("Numgen-Mode"))) {
            throw new AssertionError(
                    "via " + via + ": body mode " + mode + " but header " + reply.header("Numgen-Mode"));
        }
        List<String> numbers = new ArrayList<>();
        body.path("numbers").forEach(node -> {
            String number = node.asString();
            numbers.add(number);
            Issue issue = new Issue(number, mode, via, now);
            Issue earlier = seen.putIfAbsent(number, issue);
            if (earlier != null) {
                duplicates.add(earlier + " and again " + issue);
            }
        });
        if ("PROVISIONAL".equals(mode)) {
            provisional.addAndGet(numbers.size());
        }
        return numbers;
    }

    int size() {
        return seen.size();
    }

    List<String> duplicates() {
        return List.copyOf(duplicates);
    }

    long requests() {
        return requests.get();
    }

    long provisional() {
        return provisional.get();
    }

    /** Every request that got no numbers, in the order they were answered. */
    List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** The first 20 failures, to explain an assertion. */
    List<Failure> failureSamples() {
        return failures.stream().limit(20).toList();
    }

    List<Issue> issues() {
        return List.copyOf(seen.values());
    }
}
