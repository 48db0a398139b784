/**
 * The end-of-test summary: a short text on stdout and the whole of k6's summary data as JSON in a file.
 *
 * k6's own textSummary lives in a remote jslib module; these scripts import nothing remote, so the text is
 * written here, small: every metric with its values and, under it, each of its thresholds passed or failed.
 */
import { SUMMARY_TREND_STATS, runKind } from "./numgen.ts";

/** The part of k6's handleSummary data this summary reads. */
export interface SummaryData {
    state?: { testRunDurationMs?: number };
    metrics: { [name: string]: SummaryMetric };
}

export interface SummaryMetric {
    type: "counter" | "gauge" | "rate" | "trend";
    contains?: "default" | "time" | "data";
    values: { [stat: string]: number };
    thresholds?: { [expression: string]: { ok: boolean } };
}

/**
 * handleSummary's answer: the text on stdout and the JSON in NUMGEN_SUMMARY, by default k6-NAME-summary.json in
 * the directory k6 runs in (k6 creates the file, not its directory).
 */
export function summaryFiles(name: string, data: SummaryData): { [destination: string]: string } {
    const jsonFile = __ENV.NUMGEN_SUMMARY || `k6-${name}-summary.json`;
    return {
        stdout: textSummary(name, data) + `\nsummary data: ${jsonFile}\n`,
        [jsonFile]: JSON.stringify(data, null, 2) + "\n",
    };
}

export function textSummary(name: string, data: SummaryData): string {
    const seconds = ((data.state?.testRunDurationMs ?? 0) / 1000).toFixed(1);
    const lines = [`numgen ${name}, ${runKind()} run, ${seconds} s`];
    const names = Object.keys(data.metrics).sort();
    const width = Math.max(...names.map((metric) => metric.length));
    for (const metric of names) {
        lines.push(`  ${metric.padEnd(width)}  ${metricValues(data.metrics[metric])}`);
        for (const [expression, result] of Object.entries(data.metrics[metric].thresholds ?? {})) {
            lines.push(`  ${"".padEnd(width)}    ${result.ok ? "ok  " : "FAIL"} ${expression}`);
        }
    }
    lines.push(thresholdVerdict(data));
    return lines.join("\n") + "\n";
}

function metricValues(metric: SummaryMetric): string {
    const values = metric.values;
    switch (metric.type) {
        case "trend":
            return SUMMARY_TREND_STATS.filter((stat) => stat in values)
                .map((stat) => `${stat}=${amount(values[stat], metric)}`)
                .join(" ");
        case "rate":
            return `${(values.rate * 100).toFixed(2)}% (${values.passes} of ${values.passes + values.fails})`;
        case "counter":
            return `${amount(values.count, metric)} (${values.rate.toFixed(1)}/s)`;
        case "gauge":
            return `${amount(values.value, metric)} (min ${amount(values.min, metric)}, max ${amount(values.max, metric)})`;
    }
}

function amount(value: number, metric: SummaryMetric): string {
    switch (metric.contains) {
        case "time":
            return value >= 1000 ? `${(value / 1000).toFixed(2)}s` : `${value.toFixed(2)}ms`;
        case "data":
            return `${(value / 1024).toFixed(1)}kB`;
        default:
            return Number.isInteger(value) ? String(value) : value.toFixed(2);
    }
}

/** The line a reader looks for first: every threshold passed, or which failed. */
function thresholdVerdict(data: SummaryData): string {
    const failed: string[] = [];
    let total = 0;
    for (const [metric, summary] of Object.entries(data.metrics)) {
        for (const [expression, result] of Object.entries(summary.thresholds ?? {})) {
            total++;
            if (!result.ok) {
                failed.push(`${metric} ${expression}`);
            }
        }
    }
    return failed.length === 0
        ? `thresholds: all ${total} passed`
        : `thresholds: ${failed.length} of ${total} FAILED: ${failed.join(", ")}`;
}
