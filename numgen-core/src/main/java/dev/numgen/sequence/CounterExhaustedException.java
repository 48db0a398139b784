package dev.numgen.sequence;

import dev.numgen.problem.AnsweredAs;
import dev.numgen.problem.NumgenException;
import dev.numgen.problem.ProblemType;
import java.util.Map;

/** The counter has handed out every value up to its rule's maxValue; it never wraps. */
@AnsweredAs(ProblemType.COUNTER_EXHAUSTED)
public final class CounterExhaustedException extends NumgenException {

    private final CounterKey key;

    public CounterExhaustedException(CounterKey key, long maxValue) {
        super("counter " + key + " has reached its maxValue " + maxValue);
        this.key = key;
    }

    public CounterKey key() {
        return key;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("prefixKey", key.prefixKey());
    }
}
