package dev.numgen.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    @Test
    void aConstantRateStartsRateTimesDurationIterationsEvenlySpaced() {
        Scenario scenario = Shape.load(Shapes.file("benchmark.json")).run("reduced");

        long[] starts = starts(scenario);

        assertThat(starts).hasSize(300 * 15);
        assertThat(starts[0]).isZero();
        assertThat(starts[1]).isEqualTo(Duration.ofSeconds(1).toNanos() / 300);
        assertThat(starts[starts.length - 1]).isLessThan(Duration.ofSeconds(15).toNanos());
        assertThat(perSecond(starts, 15)).containsOnly(300L);
    }

    @Test
    void theTimeUnitDividesTheRate() {
        Scenario scenario = Scenario.parse(json("{\"executor\":\"constant-arrival-rate\",\"rate\":30,"
                + "\"timeUnit\":\"1m\",\"duration\":\"2m\",\"preAllocatedVUs\":1}"));

        long[] starts = starts(scenario);

        assertThat(starts).hasSize(60);
        assertThat(starts[1]).isEqualTo(Duration.ofSeconds(2).toNanos());
        assertThat(scenario.maxVUs()).as("maxVUs defaults to preAllocatedVUs").isEqualTo(1);
    }

    @Test
    void aRampingRateStartsTheIntegralOfItsStages() {
        Scenario scenario = Shape.load(Shapes.file("peak.json")).run("reduced");

        long[] starts = starts(scenario);

        // 50 -> 500 over 8 s, 500 -> 2000 over 8 s, 2000 for 4 s, 2000 -> 50 over 5 s: the areas under the rate.
        long expected = (50 + 500) / 2 * 8 + (500 + 2000) / 2 * 8 + 2000 * 4 + (2000 + 50) * 5 / 2;
        assertThat(starts).hasSize((int) expected);
        assertThat(scenario.schedule().total()).isEqualTo(expected);
        assertThat(starts).isSorted();
        long[] seconds = perSecond(starts, 25);
        // In second s of the first stage the rate is 50 + 56.25 s .. 50 + 56.25 (s + 1): its middle, within one.
        for (int second = 0; second < 8; second++) {
            assertThat((double) seconds[second]).isCloseTo(50 + 56.25 * (second + 0.5), within(1.0));
        }
        assertThat(seconds[17]).isEqualTo(2000);
        assertThat((double) seconds[24]).isCloseTo(2000 - 390 * 4.5, within(1.0));
    }

    @Test
    void aStageAtRateZeroStartsNothingAndTheNextStageGoesOn() {
        Scenario scenario = Scenario.parse(json("{\"executor\":\"ramping-arrival-rate\",\"startRate\":0,"
                + "\"timeUnit\":\"1s\",\"preAllocatedVUs\":1,\"stages\":[{\"duration\":\"2s\",\"target\":0},"
                + "{\"duration\":\"2s\",\"target\":10},{\"duration\":\"1s\",\"target\":10}]}"));

        long[] starts = starts(scenario);

        // 0 -> 10 over 2 s plans 2.5 t^2 by t: iterations 0, 1, 2 in its first second, the other 7 in its second.
        assertThat(starts).hasSize(10 + 10);
        assertThat(starts[0]).isEqualTo(Duration.ofSeconds(2).toNanos());
        assertThat(perSecond(starts, 5)).containsExactly(0, 0, 3, 7, 10);
    }

    @Test
    void durationsAreK6s() {
        assertThat(Durations.parse("15s")).hasSeconds(15);
        assertThat(Durations.parse("5m")).hasMinutes(5);
        assertThat(Durations.parse("2h")).hasHours(2);
        assertThat(Durations.parse("1m30s")).hasSeconds(90);
        assertThat(Durations.parse("250ms")).hasMillis(250);
    }

    private static long[] starts(Scenario scenario) {
        List<Long> starts = new ArrayList<>();
        ArrivalSchedule.Cursor cursor = scenario.schedule().cursor();
        while (cursor.hasNext()) {
            starts.add(cursor.nextStartNanos());
        }
        return starts.stream().mapToLong(Long::longValue).toArray();
    }

    private static long[] perSecond(long[] starts, int seconds) {
        long[] counts = new long[seconds];
        for (long start : starts) {
            counts[(int) (start / 1_000_000_000L)]++;
        }
        return counts;
    }

    private static tools.jackson.databind.JsonNode json(String text) {
        return Shape.JSON.readTree(text);
    }
}
