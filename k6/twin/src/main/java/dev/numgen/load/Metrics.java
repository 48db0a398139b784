package dev.numgen.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.HdrHistogram.Histogram;

/** The k6 metrics of a finished run, by k6's names, for the thresholds and the report. */
final class Metrics {

    /** A metric that aggregates itself as a threshold asks. */
    interface Metric {
        /** The aggregation the threshold names; empty without samples; fails for one the metric's kind has not. */
        OptionalDouble aggregate(Threshold threshold);
    }

    /** A k6 trend: avg, min, med, max and p(N), in milliseconds. */
    interface Trend extends Metric {
        long count();

        double min();

        double max();

        double mean();

        double percentile(double percentile);

        @Override
        default OptionalDouble aggregate(Threshold threshold) {
            String aggregation = threshold.aggregation();
            if (count() == 0) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(
                    switch (aggregation) {
                        case "avg" -> mean();
                        case "min" -> min();
                        case "max" -> max();
                        case "med" -> percentile(50);
                        default -> {
                            if (!aggregation.startsWith("p(")) {
                                throw unsupported(threshold, "trend");
                            }
                            yield percentile(threshold.percentile());
                        }
                    });
        }
    }

    /**
     * A trend over a histogram of microseconds: percentiles to HdrHistogram's three significant digits (the highest
     * value equivalent at that precision, so never flattering), min, max and mean exact.
     */
    record HistogramTrend(Histogram micros, long minMicros, long maxMicros, double sumMicros) implements Trend {

        @Override
        public long count() {
            return micros.getTotalCount();
        }

        @Override
        public double min() {
            return minMicros / 1000.0;
        }

        @Override
        public double max() {
            return maxMicros / 1000.0;
        }

        @Override
        public double mean() {
            return count() == 0 ? 0 : sumMicros / count() / 1000.0;
        }

        @Override
        public double percentile(double percentile) {
            return micros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    /** A trend with a single sample, such as the run's stall. */
    record SingleValue(double value) implements Trend {
        @Override
        public long count() {
            return 1;
        }

        @Override
        public double min() {
            return value;
        }

        @Override
        public double max() {
            return value;
        }

        @Override
        public double mean() {
            return value;
        }

        @Override
        public double percentile(double percentile) {
            return value;
        }
    }

    /** A k6 rate: the share of samples that are "true" (for http_req_failed: failed; for checks: passed). */
    record Rate(long trues, long total) implements Metric {
        double rate() {
            return total == 0 ? 0 : (double) trues / total;
        }

        @Override
        public OptionalDouble aggregate(Threshold threshold) {
            if (!threshold.aggregation().equals("rate")) {
                throw unsupported(threshold, "rate");
            }
            return total == 0 ? OptionalDouble.empty() : OptionalDouble.of(rate());
        }
    }

    /** A k6 counter: its count, and its rate per second over the run. */
    record Counter(long count, double seconds) implements Metric {
        @Override
        public OptionalDouble aggregate(Threshold threshold) {
            return switch (threshold.aggregation()) {
                case "count" -> OptionalDouble.of(count);
                case "rate" -> OptionalDouble.of(seconds == 0 ? 0 : count / seconds);
                default -> throw unsupported(threshold, "counter");
            };
        }
    }

    private final Map<String, Metric> byName = new LinkedHashMap<>();

    Metrics put(String name, Metric metric) {
        byName.put(name, metric);
        return this;
    }

    Metric get(String name) {
        Metric metric = byName.get(name);
        if (metric == null) {
            throw new IllegalArgumentException("no metric \"" + name + "\"; the twin has " + byName.keySet());
        }
        return metric;
    }

    Map<String, Metric> all() {
        return byName;
    }

    private static IllegalArgumentException unsupported(Threshold threshold, String kind) {
        return new IllegalArgumentException("threshold " + threshold.metric() + ": " + threshold.aggregation()
                + " is not an aggregation of a " + kind);
    }
}
