package dev.numgen.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.rule.PrefixRule;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * What counter strategies (SEGMENT, GAPLESS) promise beyond {@link SequenceStrategyContract}:
 * values from {@code start} in steps of {@code step}, and a hard stop at maxValue, never a wrap.
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

    @Test
    void stopsAtMaxValueWithoutWrappingOrRepeating() {
        PrefixRule rule = rule(1, 1, 25, 10);
        List<SequenceStrategy> strategies = strategiesFor(rule);
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        for (SequenceStrategy strategy : strategies) {
            try {
                while (true) {
                    assertThat(seen.add(strategy.next(keyOf(rule)))).isTrue();
                }
            } catch (CounterExhaustedException expected) {
                assertThat(expected.key()).isEqualTo(keyOf(rule));
            }
        }
        assertThat(seen).allSatisfy(value -> assertThat(value).isBetween(1L, 25L));
        for (SequenceStrategy strategy : strategies) {
            assertThatThrownBy(() -> strategy.next(keyOf(rule))).isInstanceOf(CounterExhaustedException.class);
        }
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
