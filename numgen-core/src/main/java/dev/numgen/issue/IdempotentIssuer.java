package dev.numgen.issue;

import dev.numgen.problem.NumgenException;
import dev.numgen.rule.InvalidPrefixKeyException;
import dev.numgen.rule.InvalidRuleException;
import dev.numgen.rule.RuleStoreUnavailableException;
import dev.numgen.rule.Strategy;
import dev.numgen.rule.UnknownPrefixException;
import dev.numgen.sequence.CounterExhaustedException;
import dev.numgen.sequence.SequenceUnavailableException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link NumberIssuer} behind an Idempotency-Key: the same key with the same parameters returns
 * the same numbers for 24 hours, on any node; the same key with other parameters is refused.
 * Keys belong to the caller (the token subject), so two callers never share one.
 *
 * <p>For a GAPLESS rule the key's result is written in the transaction that takes the numbers, so
 * a retry after any crash gets the numbers that committed, and a first attempt that did not commit
 * leaves nothing behind: the retry issues, once. Other strategies claim the key first (a pending
 * record that expires after a minute), issue, then record the result.
 */
public final class IdempotentIssuer {

    static final int MAX_KEY_LENGTH = 255;
    private static final System.Logger log = System.getLogger(IdempotentIssuer.class.getName());

    private final NumberIssuer issuer;
    private final IdempotencyStore store;

    public IdempotentIssuer(NumberIssuer issuer, IdempotencyStore store) {
        this.issuer = issuer;
        this.store = store;
    }

    public IssuedNumbers issue(
            String caller, String idempotencyKey, String prefixKey, int count, Map<String, String> variables)
            throws InvalidIssueRequestException, InvalidPrefixKeyException, UnknownPrefixException,
                    InvalidRuleException, QuotaExceededException, CounterExhaustedException, NoMajorityException,
                    SequenceUnavailableException, RuleStoreUnavailableException, ProvisionalJournalException,
                    IdempotencyKeyReusedException, IdempotencyKeyBusyException, IdempotencyLimitException,
                    IdempotencyStoreUnavailableException {
        if (!wellFormed(idempotencyKey)) {
            throw new InvalidIssueRequestException(
                    "Idempotency-Key",
                    "Idempotency-Key must be 1.." + MAX_KEY_LENGTH + " visible ASCII characters (no spaces)");
        }
        String fingerprint = fingerprint(prefixKey, count, variables);
        // Everything that can refuse the request is checked before the key is claimed, so an invalid or
        // over-quota request never touches the cluster-wide store (no claim, no ledger, no release).
        NumberIssuer.Taken taken;
        try {
            taken = issuer.take(caller, prefixKey, count, variables);
        } catch (QuotaExceededException e) {
            // A retry of an answered key takes nothing, so a spent quota does not refuse it.
            return answeredElseThrow(caller, idempotencyKey, fingerprint, e);
        }
        // The key is claimed in the cluster before anything is issued, so a node outside the majority refuses it as
        // it refuses GAPLESS and SNOWFLAKE rules, even for a SEGMENT rule that would get provisional numbers.
        if (!issuer.inMajority()) {
            issuer.giveBack(taken);
            throw NoMajorityException.forIdempotencyKey(idempotencyKey);
        }
        if (taken.rule().rule().strategy() == Strategy.GAPLESS) {
            return issueGapless(caller, idempotencyKey, fingerprint, taken);
        }
        Optional<IssuedNumbers> earlier;
        try {
            earlier = store.claim(caller, idempotencyKey, fingerprint, count);
        } catch (RuntimeException e) {
            issuer.giveBack(taken);
            throw e;
        }
        if (earlier.isPresent()) {
            issuer.giveBack(taken);
            return earlier.get();
        }
        IssuedNumbers issued;
        try {
            issued = issuer.issue(taken, null);
        } catch (RuntimeException e) {
            store.release(caller, idempotencyKey);
            throw e;
        }
        try {
            store.complete(caller, idempotencyKey, fingerprint, issued);
        } catch (RuntimeException e) {
            // The numbers are issued: hand them out rather than lose them. A retry within the
            // claim's lifetime is told the key is busy; after it, the retry issues afresh.
            log.log(System.Logger.Level.WARNING, "Could not record Idempotency-Key result: " + e.getMessage());
        }
        return issued;
    }

    /**
     * The key is counted against the caller's limits first, then answered inside the take's transaction: an earlier
     * answer is returned (nothing is taken), or the new numbers commit with the key's result.
     */
    private IssuedNumbers issueGapless(String caller, String key, String fingerprint, NumberIssuer.Taken taken) {
        long counted;
        try {
            Optional<IssuedNumbers> answered = store.answered(caller, key, fingerprint);
            if (answered.isPresent()) {
                issuer.giveBack(taken);
                return answered.get();
            }
            counted = store.count(caller, key, taken.count());
        } catch (IdempotencyLimitException e) {
            issuer.giveBack(taken);
            // The first attempt may have committed since the look above: its retry is answered, not refused.
            return answeredElseThrow(caller, key, fingerprint, e);
        } catch (RuntimeException e) {
            issuer.giveBack(taken);
            throw e;
        }
        Receipt receipt = new Receipt(caller, key, fingerprint);
        IssuedNumbers issued;
        try {
            issued = issuer.issue(taken, receipt);
        } catch (RuntimeException e) {
            uncount(caller, key, counted, taken.count());
            throw e;
        }
        KeyLookup.State found = receipt.found;
        if (found != KeyLookup.State.FREE) {
            // A concurrent request with the key committed first, or the key is refused: this one took nothing.
            issuer.giveBack(taken);
            uncount(caller, key, counted, taken.count());
        }
        switch (found) {
            case PENDING:
                throw new IdempotencyKeyBusyException(key);
            case OTHER_PARAMETERS:
                throw new IdempotencyKeyReusedException(key);
            default:
                return issued;
        }
    }

    /** A failed uncount only leaves the caller's limits counting a key a little longer than they should. */
    private void uncount(String caller, String key, long counted, int count) {
        try {
            store.uncount(caller, key, counted, count);
        } catch (RuntimeException e) {
            log.log(System.Logger.Level.WARNING, "Could not take back an Idempotency-Key count: " + e.getMessage());
        }
    }

    /** The key's part in the GAPLESS transaction, through this issuer's store. */
    private final class Receipt implements GaplessIssue.KeyReceipt {
        private final String caller;
        private final String key;
        private final String fingerprint;
        /** What the latest attempt of the transaction found. */
        KeyLookup.State found = KeyLookup.State.FREE;

        Receipt(String caller, String key, String fingerprint) {
            this.caller = caller;
            this.key = key;
            this.fingerprint = fingerprint;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public String lockKey() {
            return IdempotencyStore.recordId(caller, key);
        }

        @Override
        public KeyLookup lookUp() {
            KeyLookup lookup = store.lookUpInTransaction(caller, key, fingerprint);
            found = lookup.state();
            return lookup;
        }

        @Override
        public void record(IssuedNumbers issued) {
            store.completeInTransaction(caller, key, fingerprint, issued);
        }
    }

    private IssuedNumbers answeredElseThrow(
            String caller, String idempotencyKey, String fingerprint, NumgenException refusal) {
        Optional<IssuedNumbers> answered;
        try {
            answered = store.answered(caller, idempotencyKey, fingerprint);
        } catch (RuntimeException e) {
            refusal.addSuppressed(e);
            throw refusal;
        }
        return answered.orElseThrow(() -> refusal);
    }

    /** Visible ASCII only: a key is echoed in problems and logs, where control characters could forge lines. */
    static boolean wellFormed(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < '!' || c > '~') {
                return false;
            }
        }
        return true;
    }

    /** The request's parameters in a canonical, unambiguous form (length-prefixed parts). */
    static String fingerprint(String prefixKey, int count, Map<String, String> variables) {
        StringBuilder text = new StringBuilder();
        append(text, prefixKey);
        append(text, Integer.toString(count));
        new TreeMap<>(variables).forEach((name, value) -> {
            append(text, name);
            append(text, value);
        });
        return text.toString();
    }

    private static void append(StringBuilder text, String part) {
        text.append(part.length()).append(':').append(part).append(';');
    }
}
