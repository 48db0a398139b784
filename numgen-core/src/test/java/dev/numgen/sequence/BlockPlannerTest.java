package dev.numgen.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.rule.PrefixRule;
import dev.numgen.rule.TestRules;
import org.junit.jupiter.api.Test;

class BlockPlannerTest {

    private static final CounterKey KEY = new CounterKey("P", "");

    private static PrefixRule rule(long start, long step, long maxValue, int reserveSize) {
        return TestRules.segment("P", start, step, maxValue, reserveSize);
    }

    @Test
    void firstBlockStartsAtStart() {
        assertThat(BlockPlanner.next(KEY, rule(10, 2, 1_000_000, 5), null, 1)).isEqualTo(new Block(10, 18, 2));
    }

    @Test
    void nextBlockFollowsTheLastReservedValue() {
        assertThat(BlockPlanner.next(KEY, rule(1, 1, 1_000_000, 100), 100L, 1)).isEqualTo(new Block(101, 200, 1));
    }

    @Test
    void growthMultipliesTheBlockUpToTheCap() {
        assertThat(BlockPlanner.next(KEY, rule(1, 1, Long.MAX_VALUE, 1000), null, 4)
                        .size())
                .isEqualTo(4000);
        assertThat(BlockPlanner.next(KEY, rule(1, 1, Long.MAX_VALUE, 1000), null, 1 << 20)
                        .size())
                .isEqualTo(BlockPlanner.MAX_BLOCK);
    }

    @Test
    void nearTheEndABlockTakesAHundredthOfWhatIsLeftButAtLeastReserveSize() {
        assertThat(BlockPlanner.next(KEY, rule(1, 1, 999_999, 1000), null, 64).size())
                .isEqualTo(9_999);
        assertThat(BlockPlanner.next(KEY, rule(1, 1, 999_999, 1000), 999_000L, 64))
                .isEqualTo(new Block(999_001, 999_999, 1));
    }

    @Test
    void exhaustedCounterIsRefused() {
        assertThatThrownBy(() -> BlockPlanner.next(KEY, rule(1, 1, 50, 10), 50L, 1))
                .isInstanceOf(CounterExhaustedException.class);
        assertThatThrownBy(() -> BlockPlanner.next(KEY, rule(1, 3, 50, 10), 48L, 1))
                .isInstanceOf(CounterExhaustedException.class);
    }
}
