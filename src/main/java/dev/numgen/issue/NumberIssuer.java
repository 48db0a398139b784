package dev.numgen.issue;

import dev.numgen.rule.RuleRegistry;
import dev.numgen.rule.Strategy;
import dev.numgen.sequence.Counter;
import dev.numgen.sequence.SequenceStrategy;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Issues numbers for a prefix key: the use case behind {@code GET /api/numbers}. */
public final class NumberIssuer {

    public static final int MAX_COUNT = 1000;

    private final CompiledRules rules;
    private final Clock clock;

    /** @param strategies the sequence strategy serving each rule strategy */
    public NumberIssuer(RuleRegistry registry, Map<Strategy, SequenceStrategy> strategies, Clock clock) {
        this.rules = new CompiledRules(registry, strategies);
        this.clock = clock;
    }

    /**
     * Issues {@code count} numbers in increasing sequence order. Either all are issued or, on any
     * error, none is returned.
     */
    public IssuedNumbers issue(String prefixKey, int count, Map<String, String> variables) {
        if (count < 1 || count > MAX_COUNT) {
            throw new InvalidIssueRequestException("count", "count must be 1.." + MAX_COUNT);
        }
        CompiledRule rule = rules.get(prefixKey);
        Map<String, String> checked = rule.checkVariables(variables);
        long now = clock.millis();
        Counter counter = rule.counter(now, checked);
        if (count == 1) {
            String number = rule.render(now, counter.next(), checked);
            return new IssuedNumbers(prefixKey, List.of(number), IssueMode.NORMAL);
        }
        long[] values = counter.next(count);
        String[] numbers = new String[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = rule.render(now, values[i], checked);
        }
        return new IssuedNumbers(prefixKey, Arrays.asList(numbers), IssueMode.NORMAL);
    }
}
