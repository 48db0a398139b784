package dev.numgen.rule;

import java.time.ZoneOffset;
import java.util.Map;

/** Rules for tests that need a {@link PrefixRule} without going through validation. */
public final class TestRules {

    private TestRules() {}

    /** A SEGMENT rule {@code <key>-{seq}} that never resets, in UTC, without variables. */
    public static PrefixRule segment(String key, long start, long step, long maxValue, int reserveSize) {
        return new PrefixRule(
                new PrefixKey(key),
                key + "-{seq}",
                Strategy.SEGMENT,
                ResetPeriod.NEVER,
                start,
                step,
                maxValue,
                reserveSize,
                ZoneOffset.UTC,
                Map.of(),
                null,
                Concurrency.PESSIMISTIC,
                null);
    }
}
