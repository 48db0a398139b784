package dev.numgen.rule;

import dev.numgen.format.DateField;
import dev.numgen.format.NumberTemplate;
import dev.numgen.format.TemplateSyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns a {@link RuleDefinition} into a {@link PrefixRule}: defaults, then every check. */
public final class RuleValidator {

    public static final int MAX_RENDERED_LENGTH = 64;
    public static final int MAX_RESERVE_SIZE = 1_000_000;
    private static final int MAX_DESCRIPTION_LENGTH = 256;
    /** The issuing request's own parameters; a variable of the same name could be mistaken for one. */
    private static final Set<String> RESERVED_NAMES = Set.of("prefixKey", "count");
    /** Numbers per client and minute; more than a node issues. */
    public static final int MAX_QUOTA = 1_000_000_000;

    public PrefixRule validate(PrefixKey key, RuleDefinition definition) {
        if (definition == null || definition.format() == null) {
            throw new InvalidRuleException("format", "format is required");
        }
        NumberTemplate template = parse(definition.format());
        Strategy strategy = parseEnum(Strategy.class, "strategy", definition.strategy(), Strategy.SEGMENT);
        Concurrency concurrency =
                parseEnum(Concurrency.class, "concurrency", definition.concurrency(), Concurrency.PESSIMISTIC);
        ResetPeriod reset = parseEnum(ResetPeriod.class, "reset", definition.reset(), ResetPeriod.NEVER);
        long start = orDefault(definition.start(), 1L);
        long step = orDefault(definition.step(), 1L);
        long capacity = capacity(template);
        long maxValue = orDefault(definition.maxValue(), capacity);
        int reserveSize = orDefault(definition.reserveSize(), 1000);
        ZoneId zone = zone(definition.timeZone());
        Map<String, VariableSpec> variables =
                definition.variables() == null ? Map.of() : new LinkedHashMap<>(definition.variables());

        require(start >= 0, "start", "start must be 0 or more");
        require(step >= 1, "step", "step must be 1 or more");
        require(maxValue >= start, "maxValue", "maxValue must be at least start (" + start + ")");
        require(
                maxValue <= capacity,
                "maxValue",
                "maxValue " + maxValue + " does not fit {seq:" + template.sequenceWidth() + "}; at most " + capacity);
        require(
                reserveSize >= 1 && reserveSize <= MAX_RESERVE_SIZE,
                "reserveSize",
                "reserveSize must be 1.." + MAX_RESERVE_SIZE);
        require(
                definition.description() == null || definition.description().length() <= MAX_DESCRIPTION_LENGTH,
                "description",
                "description is longer than " + MAX_DESCRIPTION_LENGTH + " characters");
        require(
                definition.description() == null || PlainText.isPlain(definition.description()),
                "description",
                "description may not contain control characters, line separators or invisible formatting characters");
        require(
                definition.quota() == null || (definition.quota() >= 1 && definition.quota() <= MAX_QUOTA),
                "quota",
                "quota must be 1.." + MAX_QUOTA + " numbers per client and minute");
        checkVariables(template, variables);
        int longest =
                template.maxRenderedLength(maxValue, name -> variables.get(name).maxLength());
        require(
                longest <= MAX_RENDERED_LENGTH,
                "format",
                "the longest number this rule can render has " + longest + " characters; at most "
                        + MAX_RENDERED_LENGTH);
        checkResetIsVisible(template, reset);
        if (strategy == Strategy.SNOWFLAKE) {
            // The id is the whole sequence value: 19 digits at most, never reset, never padded.
            require(template.sequenceWidth() == 0, "format", "SNOWFLAKE ids need {seq} without a width");
            require(reset == ResetPeriod.NEVER, "reset", "SNOWFLAKE ids never reset");
        }
        return new PrefixRule(
                key,
                definition.format(),
                strategy,
                reset,
                start,
                step,
                maxValue,
                reserveSize,
                zone,
                variables,
                definition.description(),
                concurrency,
                definition.quota());
    }

    /** The largest value {@code {seq:N}} can show, or Long.MAX_VALUE for a bare {@code {seq}}. */
    static long capacity(NumberTemplate template) {
        int width = template.sequenceWidth();
        if (width == 0 || width >= 19) {
            return Long.MAX_VALUE;
        }
        long capacity = 1;
        for (int i = 0; i < width; i++) {
            capacity *= 10;
        }
        return capacity - 1;
    }

    private static NumberTemplate parse(String format) {
        try {
            return NumberTemplate.parse(format);
        } catch (TemplateSyntaxException e) {
            throw new InvalidRuleException("format", e.getMessage(), e.position());
        }
    }

    private static void checkVariables(NumberTemplate template, Map<String, VariableSpec> variables) {
        for (String name : template.variableNames()) {
            require(
                    variables.containsKey(name),
                    "variables",
                    "format uses {var:" + name + "} but declares no such variable");
        }
        variables.forEach((name, spec) -> {
            require(
                    !RESERVED_NAMES.contains(name),
                    "variables",
                    "a variable may not be called " + name + ": the issuing request has a parameter of that name");
            require(
                    template.variableNames().contains(name),
                    "variables",
                    "variable " + name + " is declared but the format does not use it");
            VariablePattern.compile(name, spec.pattern());
        });
    }

    /**
     * After a reset the counter starts again, so the format must show every part of the date that
     * tells the buckets apart, or the same number would appear twice.
     */
    private static void checkResetIsVisible(NumberTemplate template, ResetPeriod reset) {
        Set<DateField> shown = template.dateFields();
        // {yy} repeats after a century; accepted, as every number-range system does.
        boolean year = shown.contains(DateField.YEAR) || shown.contains(DateField.YEAR_OF_CENTURY);
        boolean month = shown.contains(DateField.MONTH);
        boolean day = shown.contains(DateField.DAY_OF_MONTH);
        boolean dayOfYear = shown.contains(DateField.DAY_OF_YEAR);
        boolean visible = switch (reset) {
            case NEVER -> true;
            case YEARLY -> year;
            case MONTHLY -> year && (month || dayOfYear);
            case DAILY -> year && ((month && day) || dayOfYear);
        };
        if (!visible) {
            throw new UnsafeRuleChangeException(
                    "reset",
                    "reset " + reset + " needs a format that shows "
                            + switch (reset) {
                                case YEARLY -> "{yyyy}";
                                case MONTHLY -> "{yyyy} and {MM}";
                                default -> "{yyyy}, {MM} and {dd} (or {yyyy} and {DDD})";
                            }
                            + ", or the same number would be issued again after a reset");
        }
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new InvalidRuleException("timeZone", "unknown time zone " + timeZone);
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String field, String value, E fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleException(
                    field, field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static void require(boolean condition, String field, String reason) {
        if (!condition) {
            throw new InvalidRuleException(field, reason);
        }
    }
}
