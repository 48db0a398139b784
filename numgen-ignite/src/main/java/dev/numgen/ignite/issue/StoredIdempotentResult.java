package dev.numgen.ignite.issue;

import dev.numgen.issue.IssueMode;
import dev.numgen.issue.IssuedNumbers;
import java.util.ArrayList;

/** A claimed Idempotency-Key: the request's fingerprint and, once answered, its numbers. */
final class StoredIdempotentResult {

    String fingerprint;
    boolean complete;
    String prefixKey;
    ArrayList<String> numbers;
    String mode;
    /** Of a pending claim: the numbers asked for and when, so that a release can be taken off its ledger. */
    int count;

    long claimedAtMillis;

    static StoredIdempotentResult pending(String fingerprint, int count, long claimedAtMillis) {
        StoredIdempotentResult result = new StoredIdempotentResult();
        result.fingerprint = fingerprint;
        result.count = count;
        result.claimedAtMillis = claimedAtMillis;
        return result;
    }

    static StoredIdempotentResult complete(String fingerprint, IssuedNumbers issued) {
        StoredIdempotentResult result = new StoredIdempotentResult();
        result.fingerprint = fingerprint;
        result.complete = true;
        result.prefixKey = issued.prefixKey();
        result.numbers = new ArrayList<>(issued.numbers());
        result.mode = issued.mode().name();
        return result;
    }

    IssuedNumbers toIssued() {
        return new IssuedNumbers(prefixKey, java.util.List.copyOf(numbers), IssueMode.valueOf(mode));
    }
}
