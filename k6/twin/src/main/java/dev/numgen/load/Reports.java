package dev.numgen.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run's report directory: {@code summary.json} (the figures and every threshold, for tools) and {@code index.html}
 * (the same for people, with the time charts, on which the fault window and the longest stall are shaded, and the
 * latency distribution). The page is self-contained: inline SVG and CSS only.
 */
final class Reports {

    private static final String REQUESTS = "#1f77b4";
    private static final String ERRORS = "#d62728";
    private static final String DROPPED = "#9467bd";
    private static final String FAULT = "#ff7f0e";
    private static final String STALL = "#d62728";

    private Reports() {}

    static void write(Path directory, RunResult result) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("summary.json"), summary(result).toPrettyString());
            Files.writeString(directory.resolve("index.html"), html(result));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode summary(RunResult result) {
        ObjectNode summary = Shape.JSON.createObjectNode();
        summary.put("shape", result.shapeName());
        summary.put("run", result.run());
        summary.put("executor", result.scenario().executor());
        summary.put("startedAt", Instant.ofEpochMilli(result.startedMillis()).toString());
        summary.put("plannedSeconds", seconds(result.scenario().duration()));
        summary.put("elapsedSeconds", seconds(result.elapsed()));
        summary.put("clientCpuSeconds", seconds(result.clientCpu()));
        ObjectNode late = summary.putObject("sentLateMs");
        late.put("p99", result.sendLatenessMillis(99));
        late.put("max", result.sendLatenessMillis(100));
        summary.put("plannedIterations", result.scenario().schedule().total());
        summary.put("maxVUs", result.scenario().maxVUs());
        summary.put("requests", result.requests());
        summary.put("plannedRate", round(result.plannedRate()));
        summary.put("achievedRate", round(result.achievedRate()));
        summary.put("failedRequests", result.failedRequests());
        summary.put("droppedIterations", result.dropped());
        ObjectNode latency = summary.putObject("latencyMs");
        Metrics.Trend trend = (Metrics.Trend) result.metrics().get("http_req_duration");
        latency.put("min", trend.min());
        latency.put("avg", round(trend.mean()));
        for (double percentile : List.of(50.0, 90.0, 95.0, 99.0, 99.9)) {
            latency.put("p" + SvgChart.label(percentile), trend.percentile(percentile));
        }
        latency.put("max", trend.max());
        result.recording().stall().ifPresent(stall -> {
            ObjectNode node = summary.putObject("stall");
            node.put("ms", stall.millis());
            node.put("fromSeconds", stall.fromNanos() / 1e9);
            node.put("toSeconds", stall.toNanos() / 1e9);
            node.put("iterations", stall.iterations());
        });
        result.fault().ifPresent(fault -> {
            ObjectNode node = summary.putObject("fault");
            node.put("killNode", fault.node());
            fault.actedAt().ifPresent(at -> node.put("atSeconds", seconds(at)));
            fault.nodeBackAfter().ifPresent(back -> node.put("nodeBackAfterSeconds", seconds(back)));
            fault.actionFailure().ifPresent(failure -> node.put("actionFailure", failure));
        });
        ArrayNode thresholds = summary.putArray("thresholds");
        for (Threshold.Outcome outcome : result.outcomes()) {
            ObjectNode node = thresholds.addObject();
            node.put("metric", outcome.threshold().metric());
            node.put("threshold", outcome.threshold().expression());
            if (outcome.actual().isPresent()) {
                node.put("actual", outcome.actual().getAsDouble());
            }
            node.put("passed", outcome.passed());
        }
        ArrayNode failures = summary.putArray("failures");
        result.failures().forEach(failures::add);
        summary.put("passed", result.failures().isEmpty());
        return summary;
    }

    static String html(RunResult result) {
        StringBuilder page = new StringBuilder();
        String title = "numgen load twin: " + result.shapeName() + " (" + result.run() + ")";
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(SvgChart.escape(title))
                .append("</title>\n<style>body{font-family:sans-serif;margin:24px;color:#222;max-width:1000px}"
                        + "table{border-collapse:collapse;margin:8px 0 20px}td,th{border:1px solid #ccc;"
                        + "padding:4px 10px;text-align:left}td.n{text-align:right}.pass{color:#080;font-weight:bold}"
                        + ".fail{color:#c00;font-weight:bold}figure{margin:16px 0}</style></head><body>\n");
        page.append("<h1>").append(SvgChart.escape(title)).append("</h1>\n");
        page.append("<p>").append(SvgChart.escape(result.shape().description())).append("</p>\n");
        boolean passed = result.failures().isEmpty();
        page.append("<p class=\"")
                .append(
                        passed
                                ? "pass\">PASSED"
                                : "fail\">FAILED: " + SvgChart.escape(String.join("; ", result.failures())))
                .append("</p>\n");
        figures(page, result);
        thresholds(page, result);
        page.append("<figure>").append(throughputChart(result)).append("</figure>\n");
        page.append("<figure>").append(latencyChart(result)).append("</figure>\n");
        page.append("<figure>").append(distributionChart(result)).append("</figure>\n");
        page.append("<p>Every figure is by planned start: a request's latency runs from the moment it was due, and "
                        + "the charts place it there. Times in seconds from the start of the run; one point per ")
                .append(seconds(result.recording().interval()))
                .append(" s.</p>\n</body></html>\n");
        return page.toString();
    }

    private static void figures(StringBuilder page, RunResult result) {
        page.append("<table>\n");
        row(page, "executor", result.scenario().executor());
        row(
                page,
                "planned",
                format(
                        "%d iterations over %s s (%.1f/s), at most %d in flight",
                        result.scenario().schedule().total(),
                        seconds(result.scenario().duration()),
                        result.plannedRate(),
                        result.scenario().maxVUs()));
        row(page, "requests", format("%d (%.1f/s achieved)", result.requests(), result.achievedRate()));
        row(
                page,
                "load generator CPU",
                format(
                        "%.1f s (%.0f%% of one core)",
                        result.clientCpu().toNanos() / 1e9,
                        100.0 * result.clientCpu().toNanos() / result.elapsed().toNanos()));
        row(
                page,
                "sent after the planned start",
                format(
                        "p99 %.2f ms, max %.1f ms (the generator's own lag)",
                        result.sendLatenessMillis(99), result.sendLatenessMillis(100)));
        row(page, "failed requests", Long.toString(result.failedRequests()));
        row(page, "dropped iterations", Long.toString(result.dropped()));
        row(
                page,
                "latency (ms)",
                format(
                        "p50 %.1f, p95 %.1f, p99 %.1f, max %.1f",
                        result.latencyMillis(50),
                        result.latencyMillis(95),
                        result.latencyMillis(99),
                        result.maxLatencyMillis()));
        result.recording()
                .stall()
                .ifPresent(stall -> row(
                        page,
                        "longest stall",
                        format(
                                "%d ms (%d iterations from %.2f s)",
                                stall.millis(), stall.iterations(), stall.fromNanos() / 1e9)));
        result.fault()
                .ifPresent(fault -> row(
                        page,
                        "fault",
                        format(
                                "node %d killed at %s s; back (ready) after %s",
                                fault.node(),
                                fault.actedAt()
                                        .map(Reports::seconds)
                                        .map(String::valueOf)
                                        .orElse("?"),
                                fault.nodeBackAfter()
                                        .map(back -> seconds(back) + " s")
                                        .orElse("(not measured)"))));
        page.append("</table>\n");
    }

    private static void thresholds(StringBuilder page, RunResult result) {
        page.append("<h2>Thresholds</h2>\n<table><tr><th>metric</th><th>threshold</th><th>actual</th><th>result</th>"
                + "</tr>\n");
        for (Threshold.Outcome outcome : result.outcomes()) {
            page.append("<tr><td>")
                    .append(outcome.threshold().metric())
                    .append("</td><td>")
                    .append(SvgChart.escape(outcome.threshold().expression()))
                    .append("</td><td class=\"n\">")
                    .append(
                            outcome.actual().isPresent()
                                    ? format("%.4f", outcome.actual().getAsDouble())
                                    : "no samples")
                    .append("</td><td class=\"")
                    .append(outcome.passed() ? "pass\">pass" : "fail\">FAIL")
                    .append("</td></tr>\n");
        }
        page.append("</table>\n");
    }

    private static String throughputChart(RunResult result) {
        List<Recording.Interval> intervals = result.recording().intervals();
        double width = seconds(result.recording().interval());
        double[] x = times(intervals.size(), width);
        double[] requests = new double[x.length];
        double[] errors = new double[x.length];
        double[] dropped = new double[x.length];
        double[] planned = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            planned[i] = (intervals.get(i).requests + intervals.get(i).dropped) / width;
            requests[i] = intervals.get(i).requests / width;
            errors[i] = intervals.get(i).failed / width;
            dropped[i] = intervals.get(i).dropped / width;
        }
        SvgChart chart = new SvgChart("Requests per second", "seconds into the run", "per second", false)
                .line("planned/s", "#aaa", x, planned)
                .line("requests/s", REQUESTS, x, requests)
                .line("errors/s", ERRORS, x, errors)
                .line("dropped/s", DROPPED, x, dropped);
        return marked(chart, result).render();
    }

    private static String latencyChart(RunResult result) {
        List<Recording.Interval> intervals = result.recording().intervals();
        double[] x = times(intervals.size(), seconds(result.recording().interval()));
        double[][] lines = new double[4][x.length];
        double[] percentiles = {50, 95, 99, 100};
        for (int i = 0; i < x.length; i++) {
            Histogram micros = intervals.get(i).micros;
            for (int p = 0; p < percentiles.length; p++) {
                lines[p][i] =
                        micros.getTotalCount() == 0 ? Double.NaN : micros.getValueAtPercentile(percentiles[p]) / 1000.0;
            }
        }
        SvgChart chart = new SvgChart(
                        "Latency from planned start (log scale)", "seconds into the run", "milliseconds", true)
                .line("p50", "#2ca02c", x, lines[0])
                .line("p95", "#1f77b4", x, lines[1])
                .line("p99", "#9467bd", x, lines[2])
                .line("max", "#d62728", x, lines[3]);
        return marked(chart, result).render();
    }

    /** Requests by latency, in buckets each 1.5 times as wide as the one before, from 0.1 ms. */
    private static String distributionChart(RunResult result) {
        Histogram micros = result.recording().latencies();
        List<double[]> buckets = new java.util.ArrayList<>();
        double lower = 0.1;
        for (HistogramIterationValue value : micros.logarithmicBucketValues(100, 1.5)) {
            buckets.add(new double[] {lower, value.getCountAddedInThisIterationStep()});
            lower = value.getValueIteratedTo() / 1000.0;
        }
        while (!buckets.isEmpty() && buckets.get(0)[1] == 0) {
            buckets.remove(0);
        }
        double[] x = buckets.stream().mapToDouble(bucket -> bucket[0]).toArray();
        double[] counts = buckets.stream().mapToDouble(bucket -> bucket[1]).toArray();
        return new SvgChart("Latency distribution", "milliseconds (log scale)", "requests", false)
                .bars("requests", REQUESTS, x, counts, true)
                .render();
    }

    /** Shades the fault window (from the kill until the node is ready) and the longest stall on a time chart. */
    private static SvgChart marked(SvgChart chart, RunResult result) {
        double end = seconds(result.scenario().duration());
        chart.xRange(0, end);
        result.fault().flatMap(RunResult.FaultOutcome::actedAt).ifPresent(at -> {
            double from = seconds(at);
            Optional<Duration> back = result.fault().get().nodeBackAfter();
            double to = back.map(duration -> from + seconds(duration)).orElse(end);
            chart.band("fault: node " + result.fault().get().node() + " down until ready", FAULT, from, to);
        });
        result.recording()
                .stall()
                .filter(stall -> stall.iterations() > 0)
                .ifPresent(stall -> chart.band(
                        "longest stall",
                        STALL,
                        stall.fromNanos() / 1e9,
                        Math.max(stall.toNanos() / 1e9, stall.fromNanos() / 1e9 + 0.05)));
        return chart;
    }

    private static double[] times(int count, double width) {
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = i * width;
        }
        return x;
    }

    private static void row(StringBuilder page, String name, String value) {
        page.append("<tr><th>")
                .append(name)
                .append("</th><td>")
                .append(SvgChart.escape(value))
                .append("</td></tr>\n");
    }

    static double seconds(Duration duration) {
        return round(duration.toNanos() / 1e9);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static String format(String pattern, Object... arguments) {
        return String.format(Locale.ROOT, pattern, arguments);
    }
}
