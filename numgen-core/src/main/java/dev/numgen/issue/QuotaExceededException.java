package dev.numgen.issue;

import dev.numgen.problem.AnsweredAs;
import dev.numgen.problem.NumgenException;
import dev.numgen.problem.ProblemType;
import java.util.Map;
import java.util.OptionalLong;

/** A client asked for more numbers of a rule than its quota has left; nothing was issued. */
@AnsweredAs(ProblemType.QUOTA_EXCEEDED)
public final class QuotaExceededException extends NumgenException {

    private final String prefixKey;
    private final long retryAfterSeconds;

    QuotaExceededException(String prefixKey, int perMinute, int count, long retryAfterSeconds) {
        super("the quota of " + perMinute + " numbers per minute for " + prefixKey + " has fewer than " + count
                + " left for this client; enough is back in " + retryAfterSeconds + " s");
        this.prefixKey = prefixKey;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String prefixKey() {
        return prefixKey;
    }

    /** Seconds until the quota holds enough for the same request again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("prefixKey", prefixKey);
    }

    @Override
    public OptionalLong retryAfter() {
        return OptionalLong.of(retryAfterSeconds);
    }
}
