package dev.numgen.issue;

import dev.numgen.problem.AnsweredAs;
import dev.numgen.problem.NumgenException;
import dev.numgen.problem.ProblemType;
import java.util.OptionalLong;

/** A request with this Idempotency-Key is still being answered; retry shortly. */
@AnsweredAs(ProblemType.IDEMPOTENCY_KEY_BUSY)
public final class IdempotencyKeyBusyException extends NumgenException {

    public IdempotencyKeyBusyException(String key) {
        super("a request with Idempotency-Key " + key + " is still in progress");
    }

    @Override
    public OptionalLong retryAfter() {
        return OptionalLong.of(RETRY_SOON_SECONDS);
    }
}
