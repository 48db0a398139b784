package dev.numgen.issue;

import dev.numgen.problem.AnsweredAs;
import dev.numgen.problem.NumgenException;
import dev.numgen.problem.ProblemType;
import java.util.Map;

/** An Idempotency-Key was sent again with other parameters; nothing was issued. */
@AnsweredAs(ProblemType.IDEMPOTENCY_KEY_REUSED)
public final class IdempotencyKeyReusedException extends NumgenException {

    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key " + key + " was already used with other parameters");
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("field", "Idempotency-Key");
    }
}
