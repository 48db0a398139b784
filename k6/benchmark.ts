/**
 * Benchmark: a steady arrival rate well below saturation, to read latency at a known load.
 *
 * Stages and thresholds are those of shapes/benchmark.json (NUMGEN_RUN=reduced for its short form); see README.md.
 * Run: k6 run k6/benchmark.ts
 */
import type { Options } from "k6/options";
import type { RunData } from "./lib/numgen.ts";
import { issue, readShape, readTraffic, scenarioOptions, startRun } from "./lib/numgen.ts";
import type { SummaryData } from "./lib/summary.ts";
import { summaryFiles } from "./lib/summary.ts";

// open() here, in the entry script, so that its relative paths are this file's directory in every k6 version.
const shape = readShape(open("./shapes/benchmark.json"));
const traffic = readTraffic(open("./shapes/traffic.json"));

export const options: Options = scenarioOptions("benchmark", shape);

export function setup(): RunData {
    return startRun(traffic);
}

export default function (data: RunData): void {
    issue(traffic, data);
}

export function handleSummary(data: SummaryData): { [destination: string]: string } {
    return summaryFiles("benchmark", data);
}
