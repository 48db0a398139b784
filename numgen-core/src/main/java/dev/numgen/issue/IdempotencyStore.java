package dev.numgen.issue;

import java.util.Optional;

/**
 * Remembers, per caller and Idempotency-Key, which request was made and what it received, so
 * a retry (on any node) gets the same numbers. Entries last 24 hours, and what one caller may
 * hold is bounded ({@link IdempotencyLimits}).
 */
public interface IdempotencyStore {

    /**
     * Claims {@code key} for a request described by {@code fingerprint} that asks for {@code count}
     * numbers.
     *
     * @return the numbers the same request already received, or empty when the caller now owns
     *     the key and must {@link #complete} or {@link #release} it
     * @throws IdempotencyKeyReusedException when the key was used with other parameters
     * @throws IdempotencyKeyBusyException when the same request is still being answered
     * @throws IdempotencyLimitException when a new key would take the caller past its limits
     * @throws NoMajorityException when the claim cannot be written because this node is not in the majority
     * @throws IdempotencyStoreUnavailableException when the store cannot be reached otherwise
     */
    Optional<IssuedNumbers> claim(String caller, String key, String fingerprint, int count);

    /**
     * What the same request already received, read without claiming anything (no transaction): for a request that
     * is refused before it may claim, a retry of an answered key still gets its numbers.
     *
     * @return the numbers, or empty when the key is unknown, pending or was used with other parameters
     */
    Optional<IssuedNumbers> answered(String caller, String key, String fingerprint);

    /** Records the numbers a claimed key's request received. */
    void complete(String caller, String key, String fingerprint, IssuedNumbers issued);

    /**
     * Inside the transaction of a GAPLESS take, after {@link #lookUpInTransaction}: records the numbers as the key's
     * answer; it commits with them or not at all. A failure fails the take.
     */
    void completeInTransaction(String caller, String key, String fingerprint, IssuedNumbers issued);

    /** Gives up a claim whose request failed, so a retry may issue afresh. */
    void release(String caller, String key);

    /**
     * Counts a GAPLESS request's key and numbers against the caller's limits, ahead of the transaction that answers
     * it ({@link #lookUpInTransaction}, then {@link #completeInTransaction}). Nothing pending is written for the key: a request
     * that dies before its transaction commits leaves nothing that would hold up a retry.
     *
     * @return when it was counted, for {@link #uncount}
     * @throws IdempotencyLimitException when the key would take the caller past its limits
     * @throws NoMajorityException when the count cannot be written because this node is not in the majority
     * @throws IdempotencyStoreUnavailableException when the store cannot be reached otherwise
     */
    long count(String caller, String key, int numbers);

    /** Takes back what {@link #count} counted, for a request that received no new numbers. */
    void uncount(String caller, String key, long countedAtMillis, int numbers);

    /**
     * Inside the transaction of a GAPLESS take: what the key's record says (free, answered with the numbers the same
     * request received, pending, or of other parameters), holding the key until that transaction ends, so two requests
     * with one key never both take numbers. It refuses nothing itself (see {@link KeyLookup}).
     */
    KeyLookup lookUpInTransaction(String caller, String key, String fingerprint);

    /** The id of a caller's key in storage; length-prefixed, so no caller and key can be mistaken for another pair. */
    static String recordId(String caller, String key) {
        return caller.length() + ":" + caller + key;
    }
}
