package dev.numgen.rule;

import java.time.ZoneOffset;
import java.util.Map;

/** {@link PrefixRule}s for tests: validated from a {@link RuleDefinitions} builder, or made directly. */
public final class TestRules {

    private TestRules() {}

    /** The rule the registrar would store for {@code definition} under {@code key}. */
    public static PrefixRule validated(PrefixKey key, RuleDefinition definition) {
        return new RuleValidator().validate(key, definition);
    }

    /** {@code rule} with the GAPLESS strategy in {@code concurrency} mode, every other field kept. */
    public static PrefixRule gapless(PrefixRule rule, Concurrency concurrency) {
        return new PrefixRule(
                rule.key(),
                rule.format(),
                Strategy.GAPLESS,
                rule.reset(),
                rule.start(),
                rule.step(),
                rule.maxValue(),
                rule.reserveSize(),
                rule.timeZone(),
                rule.variables(),
                rule.description(),
                concurrency,
                rule.quota());
    }

    /** A SEGMENT rule {@code <key>-{seq}} that never resets, in UTC, without variables; not validated. */
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
