package dev.numgen.issue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.numgen.rule.PrefixRule;
import java.time.Clock;
import java.time.Duration;

/**
 * Per-client quotas on issuing: for each token subject and rule, a bucket of numbers that holds one minute's quota and
 * refills at the quota per minute, so a client may take its whole minute at once and then its quota's pace. Counted
 * in numbers, not requests, since one request may take 1000.
 *
 * <p>Kept in this node's memory: behind a balancer over N nodes a client may get up to N times its quota, and a
 * restart forgets what was taken. Buckets are dropped a minute after their last use, when they would be full again
 * anyway; beyond {@code maxBuckets} pairs of client and rule used within a minute the least recently used is dropped
 * early, which only ever lets that client take more, and memory stays bounded whatever the number of clients.
 */
public final class ClientQuotas {

    /**
     * A client's default numbers per rule and minute: ~1,700/s, more than a business system needs, and it takes a
     * single client nine minutes to spend a daily counter of 999,999.
     */
    public static final int DEFAULT_PER_MINUTE = 100_000;

    public static final int DEFAULT_MAX_BUCKETS = 100_000;

    private static final double MILLIS_PER_MINUTE = 60_000;

    private final int defaultPerMinute;
    private final Clock clock;
    private final Cache<Owner, Bucket> buckets;

    public ClientQuotas(int defaultPerMinute, int maxBuckets, Clock clock) {
        if (defaultPerMinute < 1 || maxBuckets < 1) {
            throw new IllegalArgumentException("a quota and the number of buckets must be 1 or more");
        }
        this.defaultPerMinute = defaultPerMinute;
        this.clock = clock;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxBuckets)
                .expireAfterAccess(Duration.ofMinutes(1))
                .build();
    }

    /**
     * Takes {@code count} numbers from {@code caller}'s quota for {@code rule}, or nothing.
     *
     * @throws QuotaExceededException when fewer are left
     * @throws InvalidIssueRequestException when {@code count} is more than the whole quota
     */
    void take(String caller, PrefixRule rule, int count) {
        int perMinute = perMinute(rule);
        if (count > perMinute) {
            throw new InvalidIssueRequestException(
                    "count",
                    "count " + count + " is more than the quota of " + perMinute + " numbers per minute for "
                            + rule.key().value());
        }
        Bucket bucket = buckets.get(new Owner(caller, rule.key().value(), perMinute), owner -> new Bucket(perMinute));
        long waitMillis = bucket.take(count, clock.millis());
        if (waitMillis > 0) {
            throw new QuotaExceededException(rule.key().value(), perMinute, count, (waitMillis + 999) / 1000);
        }
    }

    /** Returns numbers taken for a request that then issued none. */
    void giveBack(String caller, PrefixRule rule, int count) {
        Bucket bucket = buckets.getIfPresent(new Owner(caller, rule.key().value(), perMinute(rule)));
        if (bucket != null) {
            bucket.giveBack(count);
        }
    }

    private int perMinute(PrefixRule rule) {
        return rule.quota() == null ? defaultPerMinute : rule.quota();
    }

    /** A rule's new quota gets a new bucket. */
    private record Owner(String caller, String prefixKey, int perMinute) {}

    private static final class Bucket {
        private final int capacity;
        private double left;
        private long at;

        Bucket(int capacity) {
            this.capacity = capacity;
            this.left = capacity;
            this.at = Long.MIN_VALUE;
        }

        /** 0 when {@code count} was taken, else how long until it could be. */
        synchronized long take(int count, long now) {
            if (at != Long.MIN_VALUE && now > at) {
                left = Math.min(capacity, left + (double) (now - at) * capacity / MILLIS_PER_MINUTE);
            }
            at = Math.max(at, now);
            if (left >= count) {
                left -= count;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((count - left) * MILLIS_PER_MINUTE / capacity));
        }

        synchronized void giveBack(int count) {
            left = Math.min(capacity, left + count);
        }
    }
}
