package dev.numgen.chaos;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What each Idempotency-Key of a chaos run was answered with, how many attempts before the answer failed, and every
 * later request under a key that was answered with other numbers than the first: the conflict a retry must never see.
 */
final class AnsweredKeys {

    /**
     * The numbers the first 200 under {@code key} carried, after {@code failedAttempts} requests that got none; the
     * request that got it went {@code via} at {@code sentAt}.
     */
    record Answer(String key, List<String> numbers, int failedAttempts, String via, long sentAt) {}

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> conflicts = new ConcurrentLinkedQueue<>();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong replays = new AtomicLong();

    /** Records the first answer under {@code key}; a key is answered once, later requests under it are replays. */
    void answered(String key, List<String> numbers, int failed, String via, long sentAt) {
        Answer earlier = answers.putIfAbsent(key, new Answer(key, List.copyOf(numbers), failed, via, sentAt));
        if (earlier != null) {
            throw new IllegalStateException("key " + key + " answered before: " + earlier);
        }
        failedAttempts.addAndGet(failed);
    }

    /** Records the answer to a later request under an answered key, and a conflict when it differs from the first. */
    void replayed(String key, List<String> numbers, int failed) {
        Answer first = answers.get(key);
        if (first == null) {
            throw new IllegalStateException("key " + key + " replayed before it was answered");
        }
        replays.incrementAndGet();
        failedAttempts.addAndGet(failed);
        if (!first.numbers().equals(numbers)) {
            conflicts.add("key " + key + " answered " + first.numbers() + ", then " + numbers);
        }
    }

    /** Every key with the numbers it was first answered with. */
    Map<String, List<String>> numbersByKey() {
        Map<String, List<String>> numbers = new ConcurrentHashMap<>();
        answers.forEach((key, answer) -> numbers.put(key, answer.numbers()));
        return numbers;
    }

    /** The first answer under {@code key}, or null. */
    Answer answer(String key) {
        return answers.get(key);
    }

    /** The keys answered only after at least one failed attempt. */
    List<Answer> retried() {
        return answers.values().stream()
                .filter(answer -> answer.failedAttempts() > 0)
                .toList();
    }

    List<String> conflicts() {
        return List.copyOf(conflicts);
    }

    int size() {
        return answers.size();
    }

    /** Requests that got no numbers, and were retried under the same key. */
    long failedAttempts() {
        return failedAttempts.get();
    }

    long replays() {
        return replays.get();
    }

    long numbers() {
        return answers.values().stream()
                .mapToLong(answer -> answer.numbers().size())
                .sum();
    }
}
