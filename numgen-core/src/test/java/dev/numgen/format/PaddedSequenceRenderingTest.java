package dev.numgen.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A template whose only slot is a padded sequence, with Latin-1 fixed text, is rendered by writing the digits into a
 * per-thread buffer holding the window's text; anything else takes the general path. Both must give the same text.
 */
class PaddedSequenceRenderingTest {

    private static final Map<String, String> NO_VARIABLES = Map.of();
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    private static long localMillis(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant().toEpochMilli();
    }

    /** 0, and each power of ten with its neighbours, up to Long.MAX_VALUE. */
    private static List<Long> sequencesAroundEveryDigitCount() {
        List<Long> sequences = new ArrayList<>(List.of(0L, 1L, 2L, 42L, Long.MAX_VALUE - 1, Long.MAX_VALUE));
        for (long power = 10; power > 0 && power <= Long.MAX_VALUE / 10; power *= 10) {
            sequences.addAll(List.of(power - 1, power, power + 1, power * 3 + 7));
        }
        sequences.add(1_000_000_000_000_000_000L - 1);
        sequences.add(1_000_000_000_000_000_000L);
        return sequences;
    }

    @Test
    void everyWidthPadsOrWidensExactlyLikeTheReference() {
        long instant = localMillis("2026-12-02T10:15:30", KOLKATA);
        for (int width = 1; width <= 18; width++) {
            String format = "ORD-{yyyy}{MM}{dd}-{seq:" + width + "}";
            TemplateRenderer renderer = NumberTemplate.parse(format).renderer(KOLKATA);
            for (long sequence : sequencesAroundEveryDigitCount()) {
                assertThat(renderer.render(instant, sequence, NO_VARIABLES))
                        .as("%s with %d", format, sequence)
                        .isEqualTo(ReferenceRendering.render(format, KOLKATA, instant, sequence, NO_VARIABLES));
            }
        }
    }

    @Test
    void aSequenceWiderThanItsPadKeepsAllItsDigitsAndTheNextNumberIsPaddedAgain() {
        TemplateRenderer renderer = NumberTemplate.parse("ORD-{seq:6}-X").renderer(ZoneOffset.UTC);

        assertThat(renderer.render(0L, 999_999, NO_VARIABLES)).isEqualTo("ORD-999999-X");
        assertThat(renderer.render(0L, 1_000_000, NO_VARIABLES)).isEqualTo("ORD-1000000-X");
        assertThat(renderer.render(0L, 12_345_678_901L, NO_VARIABLES)).isEqualTo("ORD-12345678901-X");
        assertThat(renderer.render(0L, 7, NO_VARIABLES)).isEqualTo("ORD-000007-X");
    }

    @Test
    void crossingMidnightInTheRuleZoneAndBackShowsEachInstantsOwnDate() {
        // Kolkata is UTC+05:30: its midnight is 18:30 UTC, so a UTC or whole-hour window would show the wrong day.
        TemplateRenderer renderer =
                NumberTemplate.parse("ORD-{yyyy}{MM}{dd}-{seq:6}").renderer(KOLKATA);
        long beforeMidnight = localMillis("2026-12-31T23:59:59.999", KOLKATA);
        long midnight = localMillis("2027-01-01T00:00:00", KOLKATA);

        assertThat(renderer.render(beforeMidnight, 41, NO_VARIABLES)).isEqualTo("ORD-20261231-000041");
        assertThat(renderer.render(midnight, 1, NO_VARIABLES)).isEqualTo("ORD-20270101-000001");
        assertThat(renderer.render(beforeMidnight, 42, NO_VARIABLES)).isEqualTo("ORD-20261231-000042");
        assertThat(renderer.render(midnight + 1, 2, NO_VARIABLES)).isEqualTo("ORD-20270101-000002");
    }

    @Test
    void templatesTakingTurnsOnOneThreadNeverShowEachOthersText() {
        TemplateRenderer orders =
                NumberTemplate.parse("ORD-{yyyy}{MM}{dd}-{seq:6}").renderer(KOLKATA);
        TemplateRenderer invoices =
                NumberTemplate.parse("INV/{yy}{DDD}/{seq:4}").renderer(ZoneOffset.UTC);
        TemplateRenderer tagged = NumberTemplate.parse("{var:desk}-{seq:6}").renderer(ZoneOffset.UTC);
        long instant = localMillis("2026-03-05T12:00:00", KOLKATA);

        assertThat(orders.render(instant, 1, NO_VARIABLES)).isEqualTo("ORD-20260305-000001");
        assertThat(invoices.render(instant, 2, NO_VARIABLES)).isEqualTo("INV/26064/0002");
        assertThat(tagged.render(instant, 3, Map.of("desk", "D7"))).isEqualTo("D7-000003");
        assertThat(orders.render(instant, 4, NO_VARIABLES)).isEqualTo("ORD-20260305-000004");
        assertThat(orders.renderWithSequenceText(instant, "P-9", NO_VARIABLES)).isEqualTo("ORD-20260305-P-9");
        assertThat(invoices.render(instant, 12_345, NO_VARIABLES)).isEqualTo("INV/26064/12345");
        assertThat(invoices.render(instant, 5, NO_VARIABLES)).isEqualTo("INV/26064/0005");
    }

    @Test
    void fixedTextWithinLatin1AndBeyondItIsRenderedExactly() {
        // The parser admits ASCII literals only; the renderer must not depend on that for correctness.
        TemplateRenderer latin1 = rendererOf(new TemplatePart.Literal("Nº-Ü"), new TemplatePart.Sequence(4));
        TemplateRenderer beyond = rendererOf(
                new TemplatePart.Literal("€-"), new TemplatePart.Sequence(4), new TemplatePart.Literal("-東京"));

        assertThat(latin1.render(0L, 42, NO_VARIABLES)).isEqualTo("Nº-Ü0042");
        assertThat(beyond.render(0L, 42, NO_VARIABLES)).isEqualTo("€-0042-東京");
        assertThat(latin1.render(0L, 12_345, NO_VARIABLES)).isEqualTo("Nº-Ü12345");
        assertThat(beyond.render(0L, 12_345, NO_VARIABLES)).isEqualTo("€-12345-東京");
    }

    @Test
    void variablesAroundAPaddedSequenceAreRenderedLikeTheReference() {
        String format = "{var:region}-{yyyy}{MM}{dd}-{seq:6}-{var:desk}";
        TemplateRenderer renderer = NumberTemplate.parse(format).renderer(KOLKATA);
        long instant = localMillis("2026-12-31T23:59:59.999", KOLKATA);

        for (long sequence : List.of(0L, 42L, 999_999L, 1_000_000L)) {
            for (Map<String, String> variables :
                    List.of(Map.of("region", "EU", "desk", "D7"), Map.of("region", "", "desk", "Zürich"))) {
                assertThat(renderer.render(instant, sequence, variables))
                        .isEqualTo(ReferenceRendering.render(format, KOLKATA, instant, sequence, variables));
            }
        }
    }

    private static TemplateRenderer rendererOf(TemplatePart... parts) {
        return new TemplateRenderer(new TemplateLayout(List.of(parts)), ZoneOffset.UTC);
    }
}
