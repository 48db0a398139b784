/**
 * Fault recovery: a steady rate through HAProxy while one node is killed with kill -9 and its supervisor
 * restarts it. k6 cannot kill a process, so fault-recovery.sh starts this script and runs
 * `bin/cluster kill-node N` at the shape's fault.at; run through k6 alone it is a plain steady load.
 *
 * Stages, thresholds and the fault are those of shapes/fault-recovery.json (NUMGEN_RUN=reduced for the short
 * form); see README.md. Run: k6/fault-recovery.sh (against `bin/cluster start`).
 */
import { Counter, Trend } from "k6/metrics";
import type { Options } from "k6/options";
import type { Fault, Outcome, RunData } from "./lib/numgen.ts";
import { issue, readShape, readTraffic, scenarioOptions, startRun } from "./lib/numgen.ts";
import type { SummaryData } from "./lib/summary.ts";
import { summaryFiles } from "./lib/summary.ts";

// open() here, in the entry script, so that its relative paths are this file's directory in every k6 version.
const shape = readShape(open("./shapes/fault-recovery.json"));
const traffic = readTraffic(open("./shapes/traffic.json"));
const fault = shape.fault as Fault;

export const options: Options = scenarioOptions("fault-recovery", shape);

/**
 * The length of each stall one VU lived through: from the moment it sent the first bad request (one that failed
 * its checks or took more than fault.slowMs) to the moment it sent the next good one. A VU's requests follow one
 * another, so in between every request it sent was bad. The shape's threshold is on the longest of them.
 *
 * Per VU because k6 shares no state between VUs; the arrival-rate executors hand iterations to their VUs in
 * turn, so a VU's next request is never long after the service has recovered. A stall that never ends is not
 * recorded here: the run's failure rate (http_req_failed) is what catches a service that does not come back.
 */
const stall = new Trend("stall_ms", true);
/** Issue requests that failed their checks. */
const errors = new Counter("errors");

/** When this VU's current stall began (epoch ms), null while its requests are good. */
let stallSince: number | null = null;
let firstIteration = true;

export function setup(): RunData {
    return startRun(traffic);
}

export default function (data: RunData): void {
    if (firstIteration) {
        // One zero per VU, so that a run without any stall still reports stall_ms (max 0) rather than no data.
        stall.add(0);
        firstIteration = false;
    }
    const outcome = issue(traffic, data);
    if (!outcome.passed) {
        errors.add(1);
    }
    followStall(outcome);
}

function followStall(outcome: Outcome): void {
    const bad = !outcome.passed || outcome.tookMs > fault.slowMs;
    if (bad && stallSince === null) {
        stallSince = outcome.sentAt;
    } else if (!bad && stallSince !== null) {
        stall.add(outcome.sentAt - stallSince);
        stallSince = null;
    }
}

export function handleSummary(data: SummaryData): { [destination: string]: string } {
    return summaryFiles("fault-recovery", data);
}
