package dev.numgen.issue;

import dev.numgen.rule.InvalidPrefixKeyException;
import dev.numgen.rule.InvalidRuleException;
import dev.numgen.rule.RuleStoreUnavailableException;
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
            issued = issuer.issue(taken);
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

    private IssuedNumbers answeredElseThrow(
            String caller, String idempotencyKey, String fingerprint, QuotaExceededException refusal) {
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
