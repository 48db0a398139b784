package dev.numgen.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateRendererTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Map<String, String> NO_VARIABLES = Map.of();

    private static String render(String format, ZoneId zone, String instant, long sequence) {
        return NumberTemplate.parse(format)
                .renderer(zone)
                .render(Instant.parse(instant).toEpochMilli(), sequence, NO_VARIABLES);
    }

    @Test
    void rendersOrderNumber() {
        assertThat(render("ORD-{yyyy}{MM}{dd}-{seq:6}", ZoneOffset.UTC, "2026-11-25T10:15:00Z", 42))
                .isEqualTo("ORD-20261125-000042");
    }

    @Test
    void showsDateAndHourInTheRuleZone() {
        String format = "{yyyy}{MM}{dd}{HH}-{seq}";

        assertThat(render(format, BERLIN, "2026-12-31T23:30:00Z", 7)).isEqualTo("2027010100-7");
        assertThat(render(format, ZoneOffset.UTC, "2026-12-31T23:30:00Z", 7)).isEqualTo("2026123123-7");
        assertThat(render(format, ZoneId.of("Asia/Kolkata"), "2026-06-30T18:29:59.999Z", 7))
                .isEqualTo("2026063023-7");
        assertThat(render(format, ZoneId.of("Asia/Kolkata"), "2026-06-30T18:30:00Z", 7))
                .isEqualTo("2026070100-7");
    }

    @ParameterizedTest
    @CsvSource({
        "2026-01-05T12:00:00Z, 26005",
        "2026-04-10T12:00:00Z, 26100",
        "2026-12-31T12:00:00Z, 26365",
        "2024-12-31T12:00:00Z, 24366",
        "2005-01-01T00:00:00Z, 05001"
    })
    void padsDayOfYearToThreeDigitsAfterTwoDigitYear(String instant, String expected) {
        assertThat(render("{yy}{DDD}{seq:1}", ZoneOffset.UTC, instant, 0)).isEqualTo(expected + "0");
    }

    @ParameterizedTest
    @CsvSource({"0, 000000", "42, 000042", "999999, 999999"})
    void padsSequenceToItsWidth(long sequence, String expected) {
        assertThat(render("{seq:6}", ZoneOffset.UTC, "2026-01-01T00:00:00Z", sequence))
                .isEqualTo(expected);
    }

    @Test
    void printsAllDigitsOfASequenceWiderThanItsWidth() {
        String format = "A{seq:3}B{yyyy}";

        assertThat(render(format, ZoneOffset.UTC, "2026-01-01T00:00:00Z", 5)).isEqualTo("A005B2026");
        assertThat(render(format, ZoneOffset.UTC, "2026-01-01T00:00:00Z", 1000)).isEqualTo("A1000B2026");
        assertThat(render(format, ZoneOffset.UTC, "2026-01-01T00:00:00Z", Long.MAX_VALUE))
                .isEqualTo("A" + Long.MAX_VALUE + "B2026");
        assertThat(render("{seq:18}", ZoneOffset.UTC, "2026-01-01T00:00:00Z", Long.MAX_VALUE))
                .isEqualTo(Long.toString(Long.MAX_VALUE));
    }

    @ParameterizedTest
    @CsvSource({"0, N0-X", "7, N7-X", "42, N42-X", "9223372036854775807, N9223372036854775807-X"})
    void rendersBareSequenceWithoutPadding(long sequence, String expected) {
        assertThat(render("N{seq}-X", BERLIN, "2026-01-01T00:00:00Z", sequence)).isEqualTo(expected);
    }

    @Test
    void rendersVariablesWhereTheyAppear() {
        TemplateRenderer renderer =
                NumberTemplate.parse("{var:region}-{yyyy}-{seq:4}-{var:desk}").renderer(BERLIN);

        String number = renderer.render(
                Instant.parse("2026-05-01T08:00:00Z").toEpochMilli(), 42, Map.of("region", "EU", "desk", "D7"));

        assertThat(number).isEqualTo("EU-2026-0042-D7");
    }

    @Test
    void rendersVariableValuesBeyondLatin1Exactly() {
        TemplateRenderer renderer =
                NumberTemplate.parse("{var:city}/{seq:3}/{var:tag}").renderer(ZoneOffset.UTC);

        assertThat(renderer.render(0L, 1, Map.of("city", "東京", "tag", "Ω😀"))).isEqualTo("東京/001/Ω😀");
        assertThat(renderer.render(0L, 12345, Map.of("city", "Zürich", "tag", "")))
                .isEqualTo("Zürich/12345/");
    }

    @Test
    void rejectsMissingVariableNamingIt() {
        TemplateRenderer renderer =
                NumberTemplate.parse("{var:region}-{seq}-{var:desk}").renderer(ZoneOffset.UTC);

        assertThatThrownBy(() -> renderer.render(0L, 1, Map.of("region", "EU")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("desk");
    }

    @Test
    void rejectsNegativeSequence() {
        TemplateRenderer renderer = NumberTemplate.parse("{seq}").renderer(ZoneOffset.UTC);

        assertThatThrownBy(() -> renderer.render(0L, -1, NO_VARIABLES)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsInstantWhoseYearDoesNotFitFourDigits() {
        TemplateRenderer renderer = NumberTemplate.parse("{yyyy}{seq}").renderer(ZoneOffset.UTC);
        long year10000 = Instant.parse("+10000-01-01T00:00:00Z").toEpochMilli();

        assertThat(renderer.render(year10000 - 1, 1, NO_VARIABLES)).isEqualTo("99991");
        assertThatThrownBy(() -> renderer.render(year10000, 1, NO_VARIABLES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rendersTemplateWithoutDatePartsAtAnyInstant() {
        TemplateRenderer renderer = NumberTemplate.parse("T-{seq:2}").renderer(BERLIN);

        assertThat(renderer.render(Long.MIN_VALUE, 1, NO_VARIABLES)).isEqualTo("T-01");
        assertThat(renderer.render(Long.MAX_VALUE, 2, NO_VARIABLES)).isEqualTo("T-02");
    }
}
