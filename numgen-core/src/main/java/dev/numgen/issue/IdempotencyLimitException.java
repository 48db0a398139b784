package dev.numgen.issue;

import dev.numgen.problem.AnsweredAs;
import dev.numgen.problem.NumgenException;
import dev.numgen.problem.ProblemType;
import java.util.Map;
import java.util.OptionalLong;

/** A new Idempotency-Key would take the client (or the cluster) past its {@link IdempotencyLimits}; nothing was
 * stored or issued. */
@AnsweredAs(ProblemType.IDEMPOTENCY_LIMIT_REACHED)
public final class IdempotencyLimitException extends NumgenException {

    private final long retryAfterSeconds;

    public IdempotencyLimitException(String reason, long retryAfterSeconds) {
        super(reason + "; nothing was issued");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds until enough of the client's records have expired for this request. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("field", "Idempotency-Key");
    }

    @Override
    public OptionalLong retryAfter() {
        return OptionalLong.of(retryAfterSeconds);
    }
}
