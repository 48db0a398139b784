package dev.numgen.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ThresholdTest {

    @Test
    void parsesTheK6Syntax() {
        Threshold threshold = Threshold.parse("http_req_duration", " p(99.9) <= 250 ");

        assertThat(threshold.aggregation()).isEqualTo("p(99.9)");
        assertThat(threshold.percentile()).isEqualTo(99.9);
        assertThat(threshold.operator()).isEqualTo("<=");
        assertThat(threshold.bound()).isEqualTo(250);
        assertThat(threshold.expression()).isEqualTo("p(99.9) <= 250");
    }

    @Test
    void refusesWhatK6WouldRefuse() {
        assertThatThrownBy(() -> Threshold.parse("http_req_duration", "p95<100"))
                .hasMessageContaining("not k6 syntax");
        assertThatThrownBy(() -> Threshold.parse("http_req_duration", "p(95) < fast"))
                .hasMessageContaining("not k6 syntax");
        assertThatThrownBy(() -> Threshold.parse("checks", "rate>0.99").evaluate(trendOf(1, 2, 3)))
                .hasMessageContaining("rate is not an aggregation of a trend");
        assertThatThrownBy(() -> Threshold.parse("checks", "p(95)<1").evaluate(new Metrics.Rate(1, 2)))
                .hasMessageContaining("not an aggregation of a rate");
    }

    @Test
    void aTrendIsAggregatedAsK6Does() {
        // 1..100 ms: avg 50.5, med 50, p(95) 95, min 1, max 100, to HdrHistogram's three significant digits.
        Metrics.Trend trend = trendOf(range(1, 100));

        assertThat(outcome("avg<50.6", trend)).isTrue();
        assertThat(outcome("avg<50.4", trend)).isFalse();
        assertThat(outcome("med>=50", trend)).isTrue();
        assertThat(outcome("med<50.1", trend)).isTrue();
        assertThat(outcome("min>=1", trend)).isTrue();
        assertThat(outcome("max<100", trend)).isFalse();
        assertThat(outcome("max<=100", trend)).isTrue();
        assertThat(outcome("p(95)<96", trend)).isTrue();
        assertThat(outcome("p(95)<95", trend)).isFalse();
        assertThat(outcome("p(99)>98", trend)).isTrue();
    }

    @Test
    void aRateAndACounter() {
        Metrics.Rate failed = new Metrics.Rate(5, 1000);

        assertThat(outcome("rate<0.01", failed)).isTrue();
        assertThat(outcome("rate<0.005", failed)).isFalse();
        assertThat(outcome("rate<=0.005", failed)).isTrue();
        assertThat(outcome("rate>0.999", new Metrics.Rate(999, 1000))).isFalse();
        assertThat(outcome("rate>0.999", new Metrics.Rate(1000, 1000))).isTrue();
        Metrics.Counter requests = new Metrics.Counter(3000, 15);
        assertThat(outcome("count>=3000", requests)).isTrue();
        assertThat(outcome("rate>200", requests)).isFalse();
        assertThat(outcome("rate>=200", requests)).isTrue();
        assertThat(outcome("max<3000", new Metrics.SingleValue(3000))).isFalse();
        assertThat(outcome("max<3000", new Metrics.SingleValue(2999))).isTrue();
    }

    @Test
    void aMetricWithoutSamplesFailsItsThreshold() {
        Threshold.Outcome outcome =
                Threshold.parse("http_req_failed", "rate<0.01").evaluate(new Metrics.Rate(0, 0));

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.describe()).isEqualTo("http_req_failed rate<0.01 (was no samples)");
        assertThat(Threshold.parse("http_req_duration", "p(95)<100")
                        .evaluate(trendOf())
                        .passed())
                .isFalse();
    }

    @Test
    void theShapesThresholdsAreReadFromTheirFiles() {
        Shape benchmark = Shape.load(Shapes.file("benchmark.json"));

        assertThat(benchmark.thresholds()).containsOnlyKeys("http_req_failed", "http_req_duration", "checks");
        assertThat(benchmark.thresholds().get("http_req_duration"))
                .extracting(Threshold::expression)
                .containsExactly("p(95)<100", "p(99)<250");
        Shape fault = Shape.load(Shapes.file("fault-recovery.json"));
        assertThat(fault.thresholds().get("stall_ms").get(0).expression()).isEqualTo("max<3000");
        assertThat(fault.fault().orElseThrow().killNode()).isEqualTo(2);
        assertThat(fault.fault().orElseThrow().at("reduced")).hasSeconds(8);
    }

    private static boolean outcome(String expression, Metrics.Metric metric) {
        return Threshold.parse("metric", expression).evaluate(metric).passed();
    }

    private static long[] range(int from, int to) {
        return java.util.stream.LongStream.rangeClosed(from, to).toArray();
    }

    private static Metrics.Trend trendOf(long... millis) {
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        long sum = 0;
        for (long value : millis) {
            histogram.recordValue(value * 1000);
            sum += value * 1000;
        }
        long min = java.util.Arrays.stream(millis).min().orElse(0) * 1000;
        long max = java.util.Arrays.stream(millis).max().orElse(0) * 1000;
        return new Metrics.HistogramTrend(histogram, min, max, sum);
    }
}
