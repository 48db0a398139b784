package dev.numgen.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.rule.PrefixRule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * What counter strategies (SEGMENT, GAPLESS) promise beyond {@link SequenceStrategyContract}:
 * values from {@code start} in steps of {@code step}, every one of them up to maxValue while no
 * node stops, and a hard stop at maxValue, never a wrap.
 */
public abstract class CounterStrategyContract extends SequenceStrategyContract {

    @Test
    void firstValueIsStartAndValuesAdvanceByStep() {
        PrefixRule rule = rule(100, 5, Long.MAX_VALUE, 10);
        SequenceStrategy strategy = strategiesFor(rule).get(0);
        long[] values = strategy.next(keyOf(rule), 4);
        assertThat(values).containsExactly(100, 105, 110, 115);
        assertThat(strategy.next(keyOf(rule))).isEqualTo(120);
    }

    /**
     * Nodes that use a counter one after another, none stopping, hand out every value from start to maxValue exactly
     * once, in order, then refuse: no wrap, no repeat, no early stop.
     */
    @Test
    void stopsAtMaxValueWithoutWrappingRepeatingOrStoppingEarly() {
        PrefixRule rule = rule(1, 1, 25, 10);
        assertThat(drainInTurn(rule))
                .containsExactly(LongStream.rangeClosed(1, 25).toArray());
    }

    @Test
    void theLastValueIsTheLastStepWithinMaxValue() {
        PrefixRule rule = rule(2, 3, 27, 4);
        assertThat(drainInTurn(rule)).containsExactly(2, 5, 8, 11, 14, 17, 20, 23, 26);
    }

    /** Takes values from each strategy in turn until it is exhausted; every strategy then stays exhausted. */
    private long[] drainInTurn(PrefixRule rule) {
        List<SequenceStrategy> strategies = strategiesFor(rule);
        List<Long> issued = new ArrayList<>();
        long holds = (rule.maxValue() - rule.start()) / rule.step() + 1;
        for (SequenceStrategy strategy : strategies) {
            try {
                while (true) {
                    issued.add(strategy.next(keyOf(rule)));
                    // Bounds the loop: a strategy that never stops fails here instead of running for ever.
                    assertThat((long) issued.size())
                            .as("values taken of %d", holds)
                            .isLessThanOrEqualTo(holds);
                }
            } catch (CounterExhaustedException expected) {
                assertThat(expected.key()).isEqualTo(keyOf(rule));
            }
        }
        for (SequenceStrategy strategy : strategies) {
            assertThatThrownBy(() -> strategy.next(keyOf(rule))).isInstanceOf(CounterExhaustedException.class);
        }
        return issued.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void maxValueNearLongMaxDoesNotOverflow() {
        PrefixRule rule = rule(Long.MAX_VALUE - 2, 1, Long.MAX_VALUE, 1000);
        SequenceStrategy strategy = strategiesFor(rule).get(0);
        assertThat(strategy.next(keyOf(rule), 3))
                .containsExactly(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1, Long.MAX_VALUE);
        assertThatThrownBy(() -> strategy.next(keyOf(rule))).isInstanceOf(CounterExhaustedException.class);
    }
}
