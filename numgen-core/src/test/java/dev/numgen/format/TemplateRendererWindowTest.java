package dev.numgen.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The renderer caches the text of the current window; these check that the cache never shows a stale date. */
class TemplateRendererWindowTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Map<String, String> NO_VARIABLES = Map.of();
    private static final List<String> FORMATS =
            List.of("{yyyy}{MM}{dd}{HH}{DDD}{yy}-{seq:5}", "{yyyy}{MM}{dd}-{seq}", "{DDD}{seq:2}", "{yyyy}{MM}{seq:2}");

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static long localMillis(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant().toEpochMilli();
    }

    @Test
    void changesDateAtLocalMidnight() {
        TemplateRenderer renderer = NumberTemplate.parse("{yyyy}{MM}{dd}-{seq}").renderer(BERLIN);

        assertThat(renderer.render(localMillis("2026-06-30T23:59:59.999", BERLIN), 1, NO_VARIABLES))
                .isEqualTo("20260630-1");
        assertThat(renderer.render(localMillis("2026-07-01T00:00:00.000", BERLIN), 2, NO_VARIABLES))
                .isEqualTo("20260701-2");
    }

    @Test
    void rendersEarlierInstantAfterLaterOne() {
        TemplateRenderer renderer =
                NumberTemplate.parse("{yyyy}{MM}{dd}{HH}-{seq}").renderer(BERLIN);

        assertThat(renderer.render(localMillis("2026-07-01T00:00:00.000", BERLIN), 1, NO_VARIABLES))
                .isEqualTo("2026070100-1");
        assertThat(renderer.render(localMillis("2026-06-30T23:59:59.999", BERLIN), 2, NO_VARIABLES))
                .isEqualTo("2026063023-2");
        assertThat(renderer.render(localMillis("2025-01-01T10:00:00", BERLIN), 3, NO_VARIABLES))
                .isEqualTo("2025010110-3");
        assertThat(renderer.render(localMillis("2026-07-01T00:30:00", BERLIN), 4, NO_VARIABLES))
                .isEqualTo("2026070100-4");
    }

    @Test
    void followsSpringForwardInBerlin() {
        TemplateRenderer renderer = NumberTemplate.parse("{dd}{HH}-{seq}").renderer(BERLIN);

        // 01:00Z is 02:00 CET, which becomes 03:00 CEST
        assertThat(renderer.render(millis("2026-03-29T00:59:59.999Z"), 1, NO_VARIABLES))
                .isEqualTo("2901-1");
        assertThat(renderer.render(millis("2026-03-29T01:00:00Z"), 2, NO_VARIABLES))
                .isEqualTo("2903-2");
        assertThat(renderer.render(millis("2026-03-29T01:59:59Z"), 3, NO_VARIABLES))
                .isEqualTo("2903-3");
        assertThat(renderer.render(millis("2026-03-29T02:00:00Z"), 4, NO_VARIABLES))
                .isEqualTo("2904-4");
        assertThat(renderer.render(millis("2026-03-29T00:30:00Z"), 5, NO_VARIABLES))
                .isEqualTo("2901-5");
    }

    @Test
    void followsFallBackInBerlin() {
        TemplateRenderer renderer = NumberTemplate.parse("{dd}{HH}-{seq}").renderer(BERLIN);

        // 01:00Z is 03:00 CEST, which becomes 02:00 CET: the hour 02 is shown twice
        assertThat(renderer.render(millis("2026-10-25T00:00:00Z"), 1, NO_VARIABLES))
                .isEqualTo("2502-1");
        assertThat(renderer.render(millis("2026-10-25T00:59:59.999Z"), 2, NO_VARIABLES))
                .isEqualTo("2502-2");
        assertThat(renderer.render(millis("2026-10-25T01:00:00Z"), 3, NO_VARIABLES))
                .isEqualTo("2502-3");
        assertThat(renderer.render(millis("2026-10-25T01:59:59.999Z"), 4, NO_VARIABLES))
                .isEqualTo("2502-4");
        assertThat(renderer.render(millis("2026-10-25T02:00:00Z"), 5, NO_VARIABLES))
                .isEqualTo("2503-5");
        assertThat(renderer.render(millis("2026-10-24T23:59:59.999Z"), 6, NO_VARIABLES))
                .isEqualTo("2501-6");
    }

    @Test
    void changesMonthAndYearOnlyTemplatesAtTheirBoundaries() {
        TemplateRenderer monthly = NumberTemplate.parse("{yyyy}{MM}-{seq}").renderer(BERLIN);
        TemplateRenderer yearly = NumberTemplate.parse("{yy}-{seq}").renderer(BERLIN);

        assertThat(monthly.render(localMillis("2026-01-31T23:59:59.999", BERLIN), 1, NO_VARIABLES))
                .isEqualTo("202601-1");
        assertThat(monthly.render(localMillis("2026-02-01T00:00:00", BERLIN), 2, NO_VARIABLES))
                .isEqualTo("202602-2");
        assertThat(yearly.render(localMillis("2026-12-31T23:59:59.999", BERLIN), 3, NO_VARIABLES))
                .isEqualTo("26-3");
        assertThat(yearly.render(localMillis("2027-01-01T00:00:00", BERLIN), 4, NO_VARIABLES))
                .isEqualTo("27-4");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Europe/Berlin",
                "America/New_York",
                "America/St_Johns",
                "Asia/Kolkata",
                "Australia/Lord_Howe",
                "Pacific/Apia",
                "Pacific/Chatham",
                "America/Sao_Paulo",
                "UTC"
            })
    void matchesReferenceNearEveryOffsetTransitionWhateverInstantCameBefore(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        Random random = new Random(zoneName.hashCode());
        for (String format : FORMATS) {
            TemplateRenderer renderer = NumberTemplate.parse(format).renderer(zone);
            List<String> mismatches = new ArrayList<>();
            for (ZoneOffsetTransition transition : transitions(zone)) {
                List<Long> instants = instantsNear(transition, zone);
                for (long before : instants) {
                    for (long instant : instants) {
                        renderer.render(before, 0, NO_VARIABLES);
                        check(renderer, format, zone, instant, random.nextInt(1_000_000), mismatches);
                    }
                }
            }

            assertThat(mismatches).as(format).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "Australia/Lord_Howe", "Pacific/Apia", "America/Sao_Paulo"})
    void matchesReferenceAtRandomInstantsInRandomOrder(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        Random random = new Random(zoneName.hashCode());
        long from = millis("2005-01-01T00:00:00Z");
        long span = millis("2035-01-01T00:00:00Z") - from;
        for (String format : FORMATS) {
            TemplateRenderer renderer = NumberTemplate.parse(format).renderer(zone);
            List<String> mismatches = new ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                long instant = from + (long) (random.nextDouble() * span);
                check(renderer, format, zone, instant, random.nextInt(1_000_000), mismatches);
                // An instant within the following day may reuse the window of the first.
                check(renderer, format, zone, instant + random.nextInt(86_400_000), i, mismatches);
            }

            assertThat(mismatches).as(format).isEmpty();
        }
    }

    private static void check(
            TemplateRenderer renderer,
            String format,
            ZoneId zone,
            long instant,
            long sequence,
            List<String> mismatches) {
        String expected = ReferenceRendering.render(format, zone, instant, sequence, NO_VARIABLES);
        String actual = renderer.render(instant, sequence, NO_VARIABLES);
        if (!actual.equals(expected)) {
            mismatches.add(Instant.ofEpochMilli(instant) + ": " + actual + " != " + expected);
        }
    }

    private static List<ZoneOffsetTransition> transitions(ZoneId zone) {
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        Instant stop = Instant.parse("2035-01-01T00:00:00Z");
        for (ZoneOffsetTransition transition = zone.getRules().nextTransition(Instant.parse("2005-01-01T00:00:00Z"));
                transition != null && transition.getInstant().isBefore(stop);
                transition = zone.getRules().nextTransition(transition.getInstant())) {
            transitions.add(transition);
        }
        return transitions;
    }

    /**
     * The transition itself, hour edges around it, and the midnights of the days around it: the true ones and those
     * a window computed with the other offset would wrongly assume.
     */
    private static List<Long> instantsNear(ZoneOffsetTransition transition, ZoneId zone) {
        List<Long> instants = new ArrayList<>();
        long at = transition.getInstant().toEpochMilli();
        for (long delta : new long[] {-3_600_000, -1_800_000, -1, 0, 3_600_000 - 1, 3_600_000}) {
            instants.add(at + delta);
        }
        for (int day = -1; day <= 1; day++) {
            LocalDateTime midnight =
                    transition.getDateTimeBefore().toLocalDate().plusDays(day).atStartOfDay();
            for (long edge : new long[] {
                midnight.atZone(zone).toInstant().toEpochMilli(),
                midnight.toInstant(transition.getOffsetBefore()).toEpochMilli(),
                midnight.toInstant(transition.getOffsetAfter()).toEpochMilli()
            }) {
                instants.add(edge - 1);
                instants.add(edge);
            }
        }
        return instants;
    }
}
