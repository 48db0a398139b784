package dev.numgen.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.rule.InvalidRuleException;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.RuleDefinition;
import dev.numgen.rule.RuleValidator;
import dev.numgen.rule.VariableSpec;
import dev.numgen.testing.Fuzzer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing of the format language, the one text a caller hands numgen that is parsed rather than matched: any string
 * parses or is refused with a {@link TemplateSyntaxException} at a position inside it, and whatever parses renders, at
 * any date and with any counter and variable values its rule allows, to the text a slow reference rendering gives,
 * within the length the template and {@link RuleValidator} promise, the same every time.
 *
 * <p>Four properties of 250,000 inputs each ({@link Fuzzer} says how they run); {@code -Dfuzz.full=true} tries ten
 * times as many, {@code -Dfuzz.seed=N} repeats a run.
 */
class FormatLanguageFuzzTest {

    private static final String LITERAL_CHARACTERS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_./#:";
    private static final String NAME_CHARACTERS = "abcdefghijklmnopqrstuvwxyz_0";
    /** The grammar's own pieces, whole and broken, and characters just outside the literal alphabet. */
    private static final List<String> TOKENS = List.of(
            "{",
            "}",
            "{seq}",
            "{seq:",
            "seq",
            "seq:",
            "{var:",
            "var:",
            "{yyyy}",
            "yyyy",
            "{yy}",
            "{MM}",
            "{dd}",
            "{HH}",
            "{DDD}",
            "DDD",
            ":",
            "0",
            "1",
            "6",
            "9",
            "18",
            "19",
            "06",
            "99",
            "a",
            "Z",
            "x_1",
            "-",
            "_",
            ".",
            "/",
            "#",
            " ",
            "é",
            "\t",
            "\0",
            "\uD83D",
            "\uDE00",
            "\uD83D\uDE00",
            "{{",
            "}}",
            "{}",
            "{var:seq}");

    private static final List<String> DATE_PLACEHOLDERS = List.of("{yyyy}", "{yy}", "{MM}", "{dd}", "{HH}", "{DDD}");
    /** Zones with half-hour and 45-minute offsets, a skipped day (Apia), 30-minute DST (Lord Howe), extreme offsets. */
    private static final List<ZoneId> ZONES = List.of(
                    "UTC",
                    "Europe/Berlin",
                    "America/St_Johns",
                    "Asia/Kathmandu",
                    "Pacific/Chatham",
                    "Pacific/Apia",
                    "Australia/Lord_Howe",
                    "Pacific/Kiritimati",
                    "Etc/GMT+12",
                    "Africa/Casablanca",
                    "America/Sao_Paulo")
            .stream()
            .map(ZoneId::of)
            .toList();
    /** 0000-01-02 and 9999-12-30 in UTC: inside years 0000..9999 in every zone, whose offsets are at most 18 h. */
    private static final long FIRST_RENDERABLE_MILLI =
            Instant.parse("0000-01-02T00:00:00Z").toEpochMilli();

    private static final long LAST_RENDERABLE_MILLI =
            Instant.parse("9999-12-30T23:59:59.999Z").toEpochMilli();
    private static final RuleValidator VALIDATOR = new RuleValidator();

    @Test
    void anyUnicodeTextParsesOrIsRefusedAtAPositionInsideIt() {
        Fuzzer.run(
                "unicode text",
                FormatLanguageFuzzTest::unicodeText,
                FormatLanguageFuzzTest::parsesOrIsRefusedInside,
                Fuzzer::shorterTexts);
    }

    @Test
    void almostValidFormatsParseOrAreRefusedAtAPositionInsideThem() {
        Fuzzer.run(
                "almost valid formats",
                FormatLanguageFuzzTest::grammarText,
                FormatLanguageFuzzTest::parsesOrIsRefusedInside,
                Fuzzer::shorterTexts);
    }

    @Test
    void whatParsesRendersLikeTheReferenceWithinItsLengthBounds() {
        Fuzzer.run(
                "renderings within years 0000..9999",
                random -> renderCase(random, random.nextLong(FIRST_RENDERABLE_MILLI, LAST_RENDERABLE_MILLI + 1)),
                FormatLanguageFuzzTest::rendersWithinBounds,
                RenderCase::simpler);
    }

    @Test
    void whatParsesRendersAtAnyInstantOrRefusesAYearOutsideFourDigits() {
        Fuzzer.run(
                "renderings at any instant",
                random -> renderCase(random, anyInstant(random)),
                FormatLanguageFuzzTest::rendersOrRefusesTheYear,
                RenderCase::simpler);
    }

    /** Anything but the syntax error escapes and fails the property. */
    private static void parsesOrIsRefusedInside(String format) {
        NumberTemplate template;
        try {
            template = NumberTemplate.parse(format);
        } catch (TemplateSyntaxException refused) {
            assertThat(refused.position()).isBetween(0, format.length());
            if (refused.position() == format.length()) {
                assertThat(format.isEmpty() || refused.reason().equals("format needs exactly one {seq}"))
                        .as("only something missing is reported at the end, not: %s", refused.reason())
                        .isTrue();
            }
            assertThat(refused).hasMessage(refused.reason() + " at position " + refused.position());
            return;
        }
        assertThat(template.format()).isEqualTo(format);
        assertThat(format.length()).isBetween(1, TemplateParser.MAX_LENGTH);
        assertThat(template.sequenceWidth()).isBetween(0, 18);
        assertThat(template.variableNames())
                .doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).hasSizeBetween(1, 32));
    }

    private static void rendersWithinBounds(RenderCase rendering) {
        String number = rendering.render(rendering.template().renderer(rendering.zone()));

        assertThat(number)
                .isEqualTo(ReferenceRendering.render(
                        rendering.template().format(),
                        rendering.zone(),
                        rendering.epochMilli(),
                        rendering.sequence(),
                        rendering.values()));
        assertThat(NumberTemplate.isNumberText(number)).as(number).isTrue();
        int longest = rendering.longest();
        assertThat(number.length()).isLessThanOrEqualTo(longest);
        if (!namesAnIssuingParameter(rendering)) {
            boolean registers = registers(rendering);
            assertThat(registers)
                    .as("registers when the longest number (%d) fits", longest)
                    .isEqualTo(longest <= RuleValidator.MAX_RENDERED_LENGTH);
            if (registers) {
                assertThat(number.length()).isLessThanOrEqualTo(RuleValidator.MAX_RENDERED_LENGTH);
            }
        }
        rendersTheSameAgain(rendering, number);
    }

    /** Again on a renderer whose cached window was last set for another instant, then on the same one again. */
    private static void rendersTheSameAgain(RenderCase rendering, String number) {
        TemplateRenderer renderer = rendering.template().renderer(rendering.zone());
        renderer.render(Math.max(FIRST_RENDERABLE_MILLI, rendering.epochMilli() - 86_400_000L), 0, rendering.values());
        assertThat(rendering.render(renderer)).isEqualTo(number);
        assertThat(rendering.render(renderer)).isEqualTo(number);
    }

    private static boolean namesAnIssuingParameter(RenderCase rendering) {
        return rendering.maxLengths().containsKey("count")
                || rendering.maxLengths().containsKey("prefixKey");
    }

    /** Whether the rule of this template, maximum and variables registers; refused, then only for its format. */
    private static boolean registers(RenderCase rendering) {
        Map<String, VariableSpec> variables = new LinkedHashMap<>();
        rendering
                .maxLengths()
                .forEach((name, maxLength) -> variables.put(name, new VariableSpec("[A-Za-z0-9]*", true, maxLength)));
        RuleDefinition definition = new RuleDefinition(
                rendering.template().format(),
                null,
                null,
                0L,
                null,
                rendering.maxValue(),
                null,
                rendering.zone().getId(),
                variables,
                null,
                null,
                null);
        try {
            VALIDATOR.validate(new PrefixKey("FUZZ"), definition);
            return true;
        } catch (InvalidRuleException refused) {
            assertThat(refused.field()).as(refused.getMessage()).isEqualTo("format");
            return false;
        }
    }

    private static void rendersOrRefusesTheYear(RenderCase rendering) {
        LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(rendering.epochMilli()), rendering.zone());
        boolean fourDigitYear = local.getYear() >= 0 && local.getYear() <= 9999;
        TemplateRenderer renderer = rendering.template().renderer(rendering.zone());
        if (fourDigitYear || rendering.template().dateFields().isEmpty()) {
            assertThat(rendering.render(renderer)).hasSizeLessThanOrEqualTo(rendering.longest());
        } else {
            assertThatThrownBy(() -> rendering.render(renderer))
                    .as("local year %d", local.getYear())
                    .isExactlyInstanceOf(IllegalArgumentException.class);
        }
    }

    /** Any UTF-16 code units, lone surrogates included, up to past the 128-character limit. */
    private static String unicodeText(SplittableRandom random) {
        int length = random.nextInt(141);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x80) : (char) random.nextInt(0x10000));
        }
        return text.toString();
    }

    /** Token soup, well-formed formats, and (most often) well-formed formats with a few pieces changed. */
    private static String grammarText(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> tokenSoup(random);
            case 1 -> wellFormedFormat(random);
            default -> mutated(random, wellFormedFormat(random));
        };
    }

    private static String tokenSoup(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        for (int count = random.nextInt(49); count > 0; count--) {
            text.append(TOKENS.get(random.nextInt(TOKENS.size())));
        }
        return text.toString();
    }

    /**
     * Literals, date parts and variables around one sequence, mostly valid: a variable name may pass 32 characters or
     * repeat, a width may be 19, the whole may pass 128 characters.
     */
    private static String wellFormedFormat(SplittableRandom random) {
        StringBuilder format = new StringBuilder();
        int parts = random.nextInt(9);
        int sequenceAt = random.nextInt(parts + 1);
        for (int part = 0; part <= parts; part++) {
            if (part == sequenceAt) {
                int width = random.nextInt(20);
                format.append(width == 0 ? "{seq}" : "{seq:" + width + "}");
            } else {
                switch (random.nextInt(9)) {
                    case 0, 1, 2, 3 -> format.append(randomText(random, LITERAL_CHARACTERS, 1 + random.nextInt(12)));
                    case 4, 5, 6 -> format.append(DATE_PLACEHOLDERS.get(random.nextInt(DATE_PLACEHOLDERS.size())));
                    default ->
                        format.append("{var:")
                                .append((char) ('a' + random.nextInt(3)))
                                .append(randomText(random, NAME_CHARACTERS, random.nextInt(33)))
                                .append('}');
                }
            }
        }
        return format.toString();
    }

    /** One to three pieces inserted, deleted or replaced: a grammar token or one or two arbitrary characters. */
    private static String mutated(SplittableRandom random, String format) {
        String text = format;
        for (int count = 1 + random.nextInt(3); count > 0; count--) {
            String piece = random.nextBoolean()
                    ? TOKENS.get(random.nextInt(TOKENS.size()))
                    : randomText(random, null, 1 + random.nextInt(2));
            int at = random.nextInt(text.length() + 1);
            text = switch (random.nextInt(3)) {
                case 0 -> text.substring(0, at) + piece + text.substring(at);
                case 1 -> at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
                default -> at < text.length() ? text.substring(0, at) + piece + text.substring(at + 1) : text + piece;
            };
        }
        return text;
    }

    /** Characters of {@code alphabet}, or any UTF-16 code units when it is null. */
    private static String randomText(SplittableRandom random, String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(
                    alphabet == null
                            ? (char) random.nextInt(0x10000)
                            : alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** A template that parses, its rule's bounds, and a counter value and variable values within them. */
    private static RenderCase renderCase(SplittableRandom random, long epochMilli) {
        NumberTemplate template = parsedTemplate(random);
        Map<String, Integer> maxLengths = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : template.variableNames()) {
            int maxLength = 1 + random.nextInt(64);
            maxLengths.put(name, maxLength);
            // Empty stands for an absent optional variable.
            values.put(name, randomText(random, LITERAL_CHARACTERS, random.nextInt(maxLength + 1)));
        }
        long maxValue = edgeBiased(random, capacity(template));
        long sequence = edgeBiased(random, maxValue);
        ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
        return new RenderCase(template, maxLengths, maxValue, zone, epochMilli, sequence, values);
    }

    private static NumberTemplate parsedTemplate(SplittableRandom random) {
        while (true) {
            try {
                return NumberTemplate.parse(wellFormedFormat(random));
            } catch (TemplateSyntaxException refused) {
                // A repeated or long variable name, a width of 19 or a format past 128 characters: draw again.
            }
        }
    }

    /** Up to what {@code {seq:N}} can show, or any value for a bare {@code {seq}}. */
    private static long capacity(NumberTemplate template) {
        int width = template.sequenceWidth();
        return width == 0 ? Long.MAX_VALUE : SequenceDigits.limit(width) - 1;
    }

    /** 0..max, each end often, values of few digits often, any other value otherwise. */
    private static long edgeBiased(SplittableRandom random, long max) {
        return switch (random.nextInt(8)) {
            case 0 -> 0;
            case 1 -> max;
            case 2 -> random.nextLong(Math.min(max, 1000) + 1);
            default -> max == Long.MAX_VALUE ? random.nextLong() & Long.MAX_VALUE : random.nextLong(max + 1);
        };
    }

    /** Any long, with the extremes and the edges of years 0000 and 9999 often. */
    private static long anyInstant(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
            case 1 -> FIRST_RENDERABLE_MILLI + random.nextLong(-4 * 86_400_000L, 86_400_000L);
            case 2 -> LAST_RENDERABLE_MILLI + random.nextLong(-86_400_000L, 4 * 86_400_000L);
            default -> random.nextLong();
        };
    }

    /** One number to render: a template, its rule's bounds, and values within them. */
    record RenderCase(
            NumberTemplate template,
            Map<String, Integer> maxLengths,
            long maxValue,
            ZoneId zone,
            long epochMilli,
            long sequence,
            Map<String, String> values) {

        String render(TemplateRenderer renderer) {
            return renderer.render(epochMilli, sequence, values);
        }

        int longest() {
            return template.maxRenderedLength(maxValue, maxLengths::get);
        }

        /** The same case with a smaller counter value, then in UTC: a shorter report of a failure. */
        List<RenderCase> simpler() {
            return List.of(
                            new RenderCase(template, maxLengths, maxValue, zone, epochMilli, 0, values),
                            new RenderCase(
                                    template, maxLengths, maxValue, ZoneId.of("UTC"), epochMilli, sequence, values))
                    .stream()
                    .filter(simpler -> !simpler.equals(this))
                    .toList();
        }
    }
}
