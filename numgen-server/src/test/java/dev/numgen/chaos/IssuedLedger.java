package dev.numgen.chaos;

import dev.numgen.server.testing.HttpReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/** Every number any client received in a chaos run, to find the one duplicate that must never exist (G1). */
final class IssuedLedger {

    /** A number and where it came from, kept to explain a duplicate. */
    record Issue(String number, String mode, String via, long atMillis) {}

    private final Map<String, Issue> seen = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> duplicates = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> errorTimes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong provisional = new AtomicLong();

    /** Records a number response; returns its numbers. */
    List<String> record(HttpReply reply, String via) {
        requests.incrementAndGet();
        if (reply.status() != 200) {
            errorTimes.add(System.currentTimeMillis());
            if (errorSamples.size() < 20) {
                errorSamples.add(reply.status() + " via " + via + ": "
                        + reply.body().substring(0, Math.min(200, reply.body().length())));
            }
            return List.of();
        }
        JsonNode body = reply.json();
        String mode = body.path("mode").asString();
        if (!mode.equals(reply.header("Numgen-Mode"))) {
            throw new AssertionError("body mode " + mode + " but header " + reply.header("Numgen-Mode"));
        }
        List<String> numbers = new ArrayList<>();
        long now = System.currentTimeMillis();
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

    List<Long> errorTimes() {
        return List.copyOf(errorTimes);
    }

    List<String> errorSamples() {
        return List.copyOf(errorSamples);
    }

    List<Issue> issues() {
        return List.copyOf(seen.values());
    }
}
