package dev.numgen.ignite.issue;

import dev.numgen.issue.IdempotencyLimitException;
import dev.numgen.issue.IdempotencyLimits;

/**
 * One client's Idempotency-Key claims of the last 26 hours, per hour: how many keys and how many numbers. A record
 * lives 24 hours from its answer, which comes within seconds of its claim, so these counts are never below what the
 * client's records hold (released claims are taken off again); a claim counts for 25 to 26 hours.
 */
final class StoredLedger {

    static final int HOURS = 26;
    private static final long HOUR_MILLIS = 3_600_000;

    /** Slot i counts the claims of hour {@code hours[i]}; a slot of an hour 26 or more hours ago counts nothing. */
    long[] hours = new long[HOURS];

    int[] keys = new int[HOURS];
    int[] numbers = new int[HOURS];

    /** When the cache drops this ledger (26 hours after its last claim); 0 in a ledger written before it was kept. */
    long expiresAtMillis;

    StoredLedger() {
        java.util.Arrays.fill(hours, Long.MIN_VALUE);
    }

    /**
     * Counts a claim of {@code count} numbers at {@code now}.
     *
     * @throws IdempotencyLimitException when it would take the client past {@code limits}
     */
    void claim(long now, int count, IdempotencyLimits limits) {
        long hour = now / HOUR_MILLIS;
        long keysHeld = 0;
        long numbersHeld = 0;
        for (int i = 0; i < HOURS; i++) {
            if (live(i, hour)) {
                keysHeld += keys[i];
                numbersHeld += numbers[i];
            }
        }
        long keysOver = keysHeld + 1 - limits.keysPerClient();
        long numbersOver = numbersHeld + count - limits.numbersPerClient();
        if (keysOver > 0 || numbersOver > 0) {
            throw new IdempotencyLimitException(
                    "this client's Idempotency-Key records of the last 26 hours hold " + keysHeld + " keys and "
                            + numbersHeld + " numbers, its limit is " + limits.keysPerClient() + " keys and "
                            + limits.numbersPerClient() + " numbers",
                    secondsUntilFreed(now, hour, keysOver, numbersOver));
        }
        int slot = (int) (hour % HOURS);
        if (hours[slot] != hour) {
            hours[slot] = hour;
            keys[slot] = 0;
            numbers[slot] = 0;
        }
        keys[slot]++;
        numbers[slot] += count;
    }

    /** Takes back a claim made at {@code claimedAt} whose key was released. */
    void release(long claimedAt, int count) {
        long hour = claimedAt / HOUR_MILLIS;
        int slot = (int) (hour % HOURS);
        if (hours[slot] == hour) {
            keys[slot] = Math.max(0, keys[slot] - 1);
            numbers[slot] = Math.max(0, numbers[slot] - count);
        }
    }

    /** Whether no claim counts any more at {@code now}: the ledger may go, and its client's slot with it. */
    boolean holdsNothing(long now) {
        long hour = now / HOUR_MILLIS;
        for (int i = 0; i < HOURS; i++) {
            if (live(i, hour) && (keys[i] > 0 || numbers[i] > 0)) {
                return false;
            }
        }
        return true;
    }

    private boolean live(int slot, long hour) {
        return hours[slot] != Long.MIN_VALUE && hours[slot] > hour - HOURS;
    }

    /** When the oldest hours will have dropped out far enough. */
    private long secondsUntilFreed(long now, long hour, long keysOver, long numbersOver) {
        for (long oldest = hour - HOURS + 1; oldest <= hour; oldest++) {
            int slot = (int) (oldest % HOURS);
            if (hours[slot] == oldest) {
                keysOver -= keys[slot];
                numbersOver -= numbers[slot];
            }
            if (keysOver <= 0 && numbersOver <= 0) {
                return Math.max(1, ((oldest + HOURS) * HOUR_MILLIS - now + 999) / 1000);
            }
        }
        return HOURS * HOUR_MILLIS / 1000;
    }
}
