package dev.numgen.issue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.rule.ResetPeriod;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Reset buckets follow the rule's zone across midnight, month and year ends and DST changes. */
class ResetCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static String bucket(ResetPeriod period, String instant) {
        return new ResetCalendar(period, BERLIN).bucket(Instant.parse(instant).toEpochMilli());
    }

    @Test
    void dailyBucketsChangeAtLocalMidnight() {
        assertThat(bucket(ResetPeriod.DAILY, "2026-11-25T22:59:59.999Z")).isEqualTo("2026-11-25");
        assertThat(bucket(ResetPeriod.DAILY, "2026-11-25T23:00:00Z")).isEqualTo("2026-11-26");
    }

    @Test
    void monthlyAndYearlyBucketsChangeAtLocalMonthAndYearEnd() {
        assertThat(bucket(ResetPeriod.MONTHLY, "2026-11-30T22:59:59.999Z")).isEqualTo("2026-11");
        assertThat(bucket(ResetPeriod.MONTHLY, "2026-11-30T23:00:00Z")).isEqualTo("2026-12");
        assertThat(bucket(ResetPeriod.YEARLY, "2026-12-31T22:59:59.999Z")).isEqualTo("2026");
        assertThat(bucket(ResetPeriod.YEARLY, "2026-12-31T23:00:00Z")).isEqualTo("2027");
    }

    @Test
    void theShortDstDayAndTheLongOneEndAtTheirLocalMidnights() {
        // 2026-03-29 has 23 hours in Berlin (CET to CEST), 2026-10-25 has 25 (CEST to CET).
        assertThat(bucket(ResetPeriod.DAILY, "2026-03-28T23:00:00Z")).isEqualTo("2026-03-29");
        assertThat(bucket(ResetPeriod.DAILY, "2026-03-29T21:59:59.999Z")).isEqualTo("2026-03-29");
        assertThat(bucket(ResetPeriod.DAILY, "2026-03-29T22:00:00Z")).isEqualTo("2026-03-30");
        assertThat(bucket(ResetPeriod.DAILY, "2026-10-24T22:00:00Z")).isEqualTo("2026-10-25");
        assertThat(bucket(ResetPeriod.DAILY, "2026-10-25T22:59:59.999Z")).isEqualTo("2026-10-25");
        assertThat(bucket(ResetPeriod.DAILY, "2026-10-25T23:00:00Z")).isEqualTo("2026-10-26");
    }

    @Test
    void oneCalendarAnswersCorrectlyWhenTimeMovesBackAndForth() {
        ResetCalendar calendar = new ResetCalendar(ResetPeriod.DAILY, BERLIN);
        assertThat(calendar.bucket(Instant.parse("2026-11-26T10:00:00Z").toEpochMilli()))
                .isEqualTo("2026-11-26");
        assertThat(calendar.bucket(Instant.parse("2026-11-25T10:00:00Z").toEpochMilli()))
                .isEqualTo("2026-11-25");
        assertThat(calendar.bucket(Instant.parse("2026-11-26T10:00:00Z").toEpochMilli()))
                .isEqualTo("2026-11-26");
        assertThat(new ResetCalendar(ResetPeriod.NEVER, BERLIN).bucket(0)).isEmpty();
    }
}
