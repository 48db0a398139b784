package dev.numgen.rule;

import dev.numgen.problem.AnsweredAs;
import dev.numgen.problem.NumgenException;
import dev.numgen.problem.ProblemType;
import java.util.Map;

/** A prefix key that does not have the shape of one; nothing was looked up or changed. */
@AnsweredAs(ProblemType.INVALID_REQUEST)
public final class InvalidPrefixKeyException extends NumgenException {

    public InvalidPrefixKeyException(String reason) {
        super(reason);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("field", "prefixKey");
    }
}
