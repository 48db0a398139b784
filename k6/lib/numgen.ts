/**
 * What the four load scripts share: the shape and traffic files read as data, the token, the rules registered
 * before the load, one weighted issue request with its checks, and the summary written at the end.
 *
 * The shape files are the single source of stages and thresholds, for these scripts and for their executed twin
 * alike, so nothing here restates a rate, a duration or a limit.
 */
import { check } from "k6";
import encoding from "k6/encoding";
import http from "k6/http";
import type { RefinedResponse, ResponseType } from "k6/http";
import type { Options, Scenario } from "k6/options";

/** `full` is the load the shape is named for; `reduced` the same shape short enough for a routine run. */
export type RunKind = "full" | "reduced";

/** A fault the scripts cannot cause themselves: k6 runs no processes, so a wrapper does the kill. */
export interface Fault {
    killNode: number;
    full: { at: string };
    reduced: { at: string };
    slowMs: number;
}

/** One file under k6/shapes/ other than traffic.json. */
export interface Shape {
    description: string;
    full: Scenario;
    reduced: Scenario;
    thresholds: { [metric: string]: string[] };
    fault?: Fault;
}

/** The body of a PUT /api/prefix-configs/{key}, as far as the traffic file needs it. */
export interface Rule {
    format: string;
    strategy: string;
}

export interface MixEntry {
    weight: number;
    prefixKey: string;
    count: number;
}

/** k6/shapes/traffic.json: what every shape registers first, then sends. */
export interface Traffic {
    description: string;
    rules: { [prefixKey: string]: Rule };
    mix: MixEntry[];
}

/** A bearer token and the time (epoch ms) after which a VU fetches a new one. */
export interface Token {
    accessToken: string;
    renewAt: number;
}

/** What setup() hands every VU. */
export interface RunData {
    token: Token;
}

/** One issue request as the fault-recovery script needs to see it. */
export interface Outcome {
    passed: boolean;
    sentAt: number;
    tookMs: number;
}

const CLIENT_ID = "numgen-local";
const CLIENT_SECRET = "numgen-local-secret";
const SCOPES = "numbers:generate prefix-configs:write";
/** A token is renewed this long before it expires, so that no request goes out with one about to lapse. */
const RENEW_MARGIN_MS = 60_000;

export function serviceUrl(): string {
    return withoutTrailingSlash(__ENV.NUMGEN_URL || "http://localhost:8080");
}

export function issuerUrl(): string {
    return withoutTrailingSlash(__ENV.NUMGEN_ISSUER || "http://localhost:9000");
}

/** NUMGEN_RUN, refused when it is neither `full` nor `reduced` rather than read as full. */
export function runKind(): RunKind {
    const run = __ENV.NUMGEN_RUN || "full";
    if (run !== "full" && run !== "reduced") {
        throw new Error(`NUMGEN_RUN must be full or reduced, not ${run}`);
    }
    return run;
}

export function readShape(text: string): Shape {
    const shape = JSON.parse(text) as Shape;
    if (!shape.full || !shape.reduced || !shape.thresholds) {
        throw new Error("a shape needs full, reduced and thresholds");
    }
    return shape;
}

export function readTraffic(text: string): Traffic {
    const traffic = JSON.parse(text) as Traffic;
    if (!traffic.rules || !Array.isArray(traffic.mix) || traffic.mix.length === 0) {
        throw new Error("the traffic file needs rules and a non-empty mix");
    }
    return traffic;
}

/** The trend statistics the summary shows: k6's default ones and p(99), which the shapes put thresholds on. */
export const SUMMARY_TREND_STATS = ["avg", "min", "med", "max", "p(90)", "p(95)", "p(99)"];

/** The shape's scenario for this run, under the shape's name, with the shape's thresholds as they are written. */
export function scenarioOptions(name: string, shape: Shape): Options {
    return {
        scenarios: { [name]: shape[runKind()] },
        thresholds: shape.thresholds,
        summaryTrendStats: SUMMARY_TREND_STATS,
    };
}

/** setup(): a token, then every rule of the traffic file registered (the PUT is idempotent). */
export function startRun(traffic: Traffic): RunData {
    const token = fetchToken();
    for (const [prefixKey, rule] of Object.entries(traffic.rules)) {
        registerRule(prefixKey, rule, token);
    }
    return { token };
}

/** A client-credentials token; the load stops here rather than sending requests that can only be refused. */
export function fetchToken(): Token {
    const response = http.post(
        `${issuerUrl()}/oauth2/token`,
        { grant_type: "client_credentials", scope: SCOPES },
        {
            headers: { Authorization: `Basic ${basicCredentials()}` },
            tags: { name: "POST /oauth2/token" },
        },
    );
    if (response.status !== 200) {
        throw new Error(`no token from ${issuerUrl()}: ${response.status} ${response.error || response.body}`);
    }
    const body = response.json() as { access_token: string; expires_in: number };
    return { accessToken: body.access_token, renewAt: Date.now() + body.expires_in * 1000 - RENEW_MARGIN_MS };
}

function registerRule(prefixKey: string, rule: Rule, token: Token): void {
    const response = http.put(`${serviceUrl()}/api/prefix-configs/${prefixKey}`, JSON.stringify(rule), {
        headers: { Authorization: `Bearer ${token.accessToken}`, "Content-Type": "application/json" },
        tags: { name: "PUT /api/prefix-configs/{prefixKey}", prefix: prefixKey },
    });
    if (response.status !== 200 && response.status !== 201) {
        throw new Error(`rule ${prefixKey} not registered: ${response.status} ${response.body}`);
    }
}

/**
 * The token this VU sends. Each VU starts with setup's and fetches its own once that one is near expiry, which
 * only a run longer than the token's lifetime (endurance, full) ever reaches. Module state is per VU in k6.
 */
let vuToken: Token | null = null;

function currentToken(data: RunData): Token {
    const token = vuToken || data.token;
    if (Date.now() < token.renewAt) {
        return token;
    }
    vuToken = fetchToken();
    return vuToken;
}

/** The mix entry a uniform draw in [0, 1) lands on, each entry taking its weight's share of the interval. */
export function pickByWeight(mix: MixEntry[], draw: number): MixEntry {
    const total = mix.reduce((sum, entry) => sum + entry.weight, 0);
    let point = draw * total;
    for (const entry of mix) {
        point -= entry.weight;
        if (point < 0) {
            return entry;
        }
    }
    return mix[mix.length - 1];
}

/** One issue request picked by weight, checked for a 200 and for `count` numbers in the body. */
export function issue(traffic: Traffic, data: RunData): Outcome {
    const entry = pickByWeight(traffic.mix, Math.random());
    const token = currentToken(data);
    const sentAt = Date.now();
    const response = http.get(`${serviceUrl()}/api/numbers?prefixKey=${entry.prefixKey}&count=${entry.count}`, {
        headers: { Authorization: `Bearer ${token.accessToken}` },
        tags: { name: "GET /api/numbers", prefix: entry.prefixKey },
    });
    const tookMs = Date.now() - sentAt;
    const passed = check(
        response,
        {
            "status is 200": (r) => r.status === 200,
            "body holds count numbers": (r) => numbersIn(r) === entry.count,
        },
        { prefix: entry.prefixKey },
    );
    return { passed, sentAt, tookMs };
}

/** How many numbers a response's JSON body holds, -1 when it holds no list of them (an error, or no JSON). */
function numbersIn(response: RefinedResponse<ResponseType | undefined>): number {
    try {
        const numbers = response.json("numbers");
        return Array.isArray(numbers) ? numbers.length : -1;
    } catch {
        return -1;
    }
}

function basicCredentials(): string {
    return encoding.b64encode(`${CLIENT_ID}:${CLIENT_SECRET}`);
}

function withoutTrailingSlash(url: string): string {
    return url.replace(/\/+$/, "");
}
