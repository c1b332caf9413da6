/**
 * Oversized bodies against the anonymous sign-in route (issue 11, finding 1): what they cost the server, and
 * whether everyone else is still served meanwhile.
 *
 *   npm run bench -- --only abuse [--build] [--parallel 20] [--megabytes 50] [--json <file>]
 *
 * On a throw-away database (migrations and the demo seed), with the bench build of the app: two floods of
 * `--parallel` concurrent POST /api/v1/tokens of `--megabytes` each, one announced by Content-Length and one
 * chunked without it, over loopback. Meanwhile the server's process tree is sampled every 50 ms
 * (/proc/<pid>/status VmRSS, summed over next's processes; VmHWM per process at the end), and a normal
 * request (GET /api/health, then a sign-in with an ordinary body, in turn) is timed every 100 ms.
 * Fails (exit 1) when a flood request is answered anything but 413 (its body was read), a normal request takes
 * 1 s or more, or the server dies. A flood connection closed under the upload before its 413 was read (EPIPE,
 * ECONNRESET: the race of any early answer to a client still writing) is counted apart, as a refusal.
 */
import http from "node:http";
import { writeFile } from "node:fs/promises";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { createTestStores } from "@/tests/support/test-database";
import { ensureBuild, startBenchApp } from "./app";
import { memoryOf, processTree, treeRss } from "./memory";
import { option, positiveInteger } from "./config";
import { table } from "./report";
import { summarize, type Summary } from "./stats";

const MEGABYTE = 1024 * 1024;
const NORMAL_REQUEST_LIMIT_MS = 1000;
/** Normal requests timed before each flood, and at least as many during it (every 100 ms). */
const NORMAL_TURNS = 10;
/** Every wait of the run is bounded: a flood that has not been answered by then is a failure, not a hang. */
const FLOOD_TIMEOUT_MS = 120_000;

/** A status, or "closed": the connection ended under the upload before an answer was read. */
type FloodAnswer = { status: number | "closed"; ms: number; detail?: string };

/**
 * One oversized POST over its own connection: `bytes` of JSON-ish padding, announced or chunked. Stops
 * writing once answered (as a client that reads the 413 would).
 */
function oversizedSignIn(url: URL, body: Buffer, announced: boolean): Promise<FloodAnswer> {
  const started = performance.now();
  return new Promise((resolve) => {
    let answered = false;
    const request = http.request(
      url,
      {
        agent: false,
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(announced ? { "content-length": String(body.length) } : { "transfer-encoding": "chunked" }),
        },
      },
      (response) => {
        answered = true;
        response.resume();
        response.on("end", () => {
          request.destroy();
          resolve({ status: response.statusCode ?? 0, ms: performance.now() - started });
        });
      },
    );
    request.setTimeout(FLOOD_TIMEOUT_MS, () => request.destroy(new Error("no answer")));
    request.on("error", (error) =>
      answered ? undefined : resolve({ status: "closed", ms: performance.now() - started, detail: error.message }),
    );
    const chunk = MEGABYTE;
    let offset = 0;
    const pump = () => {
      while (!answered && offset < body.length) {
        const part = body.subarray(offset, offset + chunk);
        offset += part.length;
        if (!request.write(part)) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    pump();
  });
}

/** A normal request during the flood, timed: GET /api/health, or a sign-in of an ordinary size with the right password. */
async function normalRequest(baseUrl: string, turn: number): Promise<Timed> {
  const started = performance.now();
  const signIn = turn % 2 === 1;
  const response = signIn
    ? await fetch(`${baseUrl}/api/v1/tokens`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "tech.ouest@guichet.test", password: DEMO_PASSWORD }),
        signal: AbortSignal.timeout(10_000),
      })
    : await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(10_000) });
  await response.arrayBuffer();
  return {
    kind: signIn ? "POST /api/v1/tokens (normal body)" : "GET /api/health",
    ms: performance.now() - started,
    status: response.status,
  };
}

type FloodResult = {
  name: string;
  parallel: number;
  megabytes: number;
  statuses: Record<string, number>;
  refusals: FloodAnswer[];
  answer: Summary;
  seconds: number;
  baselineRssMb: number;
  peakRssMb: number;
  quiet: Record<string, Summary>;
  normal: Record<string, Summary>;
  normalFailures: string[];
};

type Timed = { kind: string; ms: number; status: number };
const byKind = (timings: readonly Timed[]) =>
  Object.fromEntries(
    [...new Set(timings.map((timing) => timing.kind))].map((kind) => [
      kind,
      summarize(timings.filter((timing) => timing.kind === kind).map((timing) => timing.ms)),
    ]),
  );

async function flood(
  name: string,
  baseUrl: string,
  serverPid: number,
  options: { parallel: number; megabytes: number; announced: boolean },
): Promise<FloodResult> {
  const body = Buffer.alloc(options.megabytes * MEGABYTE, 0x20);
  body.write(`{"email":"admin@guichet.test","password":"x","padding":"`);
  body.write(`"}`, body.length - 2);
  // The same normal requests first without the flood: what the machine gives when nothing else hits the app.
  const quiet: Timed[] = [];
  for (let turn = 0; turn < NORMAL_TURNS; turn++) quiet.push(await normalRequest(baseUrl, turn));
  const baseline = treeRss(serverPid);
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(serverPid))), 50);

  const started = performance.now();
  let done = false;
  const floodDone = Promise.all(
    Array.from({ length: options.parallel }, () => oversizedSignIn(new URL(`${baseUrl}/api/v1/tokens`), body, options.announced)),
  ).finally(() => (done = true));
  const normals: Timed[] = [];
  const normalFailures: string[] = [];
  // At least NORMAL_TURNS normal requests, then until the flood is answered; bounded by the flood's own timeout.
  for (let turn = 0; (turn < NORMAL_TURNS || !done) && performance.now() - started < FLOOD_TIMEOUT_MS; turn++) {
    try {
      const timed = await normalRequest(baseUrl, turn);
      normals.push(timed);
      if (timed.status >= 300 || timed.ms >= NORMAL_REQUEST_LIMIT_MS)
        normalFailures.push(`${timed.kind}: ${timed.status} in ${timed.ms.toFixed(0)} ms`);
    } catch (error) {
      normalFailures.push(`normal request failed: ${(error as Error).message}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const answers = await floodDone;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, treeRss(serverPid));

  const statuses: Record<string, number> = {};
  for (const answer of answers) statuses[String(answer.status)] = (statuses[String(answer.status)] ?? 0) + 1;
  return {
    name,
    parallel: options.parallel,
    megabytes: options.megabytes,
    statuses,
    refusals: answers,
    answer: summarize(answers.map((answer) => answer.ms)),
    seconds,
    baselineRssMb: baseline / MEGABYTE,
    peakRssMb: peak / MEGABYTE,
    quiet: byKind(quiet),
    normal: byKind(normals),
    normalFailures,
  };
}

export async function runAbuse(argv: readonly string[], build: boolean): Promise<boolean> {
  const parallel = positiveInteger(option(argv, "parallel"), 20, "parallel");
  const megabytes = positiveInteger(option(argv, "megabytes"), 50, "megabytes");
  const built = ensureBuild(build);
  console.log(`[abuse] ${built}`);
  const stores = await createTestStores("bench_abuse");
  const app = await startBenchApp(stores.databaseUrl, stores.redisPrefix);
  const interrupted = (signal: NodeJS.Signals) => {
    void app
      .stop()
      .finally(() => stores.drop())
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    const results = [
      await flood("announced (Content-Length)", app.baseUrl, app.pid, { parallel, megabytes, announced: true }),
      await flood("chunked (no Content-Length)", app.baseUrl, app.pid, { parallel, megabytes, announced: false }),
    ];
    const hwm =
      processTree(app.pid)
        .map((pid) => memoryOf(pid).hwm)
        .reduce((max, value) => Math.max(max, value), 0) / MEGABYTE;

    const mb = (value: number) => value.toFixed(0);
    const ms = (value: number) => value.toFixed(0);
    const timings = (summaries: Record<string, Summary>) =>
      Object.entries(summaries)
        .map(([kind, summary]) => `${kind}: ${ms(summary.p50)} / ${ms(summary.max)} (n ${summary.n})`)
        .join("; ");
    console.log(`\n${parallel} parallel POST /api/v1/tokens of ${megabytes} MB each, loopback; ${built}\n`);
    console.log(
      table(
        [
          "flood",
          "answers",
          "answer p50 / max ms",
          "server RSS before MB",
          "server RSS peak MB",
          "normal requests without flood: p50 / max ms",
          "during the flood: p50 / max ms",
        ],
        results.map((result) => [
          result.name,
          Object.entries(result.statuses)
            .map(([status, n]) => `${n} × ${status}`)
            .join(", "),
          `${ms(result.answer.p50)} / ${ms(result.answer.max)}`,
          mb(result.baselineRssMb),
          mb(result.peakRssMb),
          timings(result.quiet),
          timings(result.normal),
        ]),
      ),
    );
    console.log(`\nlargest VmHWM of a server process over the run: ${mb(hwm)} MB`);
    for (const closed of results.flatMap((result) =>
      result.refusals
        .filter((answer) => answer.status === "closed")
        .map((answer) => `${result.name}: ${answer.detail} after ${answer.ms.toFixed(0)} ms`),
    )) {
      console.log(`closed before the 413 was read: ${closed}`);
    }

    const failures = results.flatMap((result) => [
      ...result.refusals
        .filter((answer) => answer.status !== 413 && answer.status !== "closed")
        .map(
          (answer) =>
            `${result.name}: ${answer.status}${answer.detail ? ` (${answer.detail})` : ""} after ${answer.ms.toFixed(0)} ms, expected 413`,
        ),
      ...result.normalFailures.map((failure) => `${result.name}: ${failure}`),
    ]);
    console.log(
      failures.length
        ? `\nFAILED:\n${failures.join("\n")}`
        : `\nNo flood body was read (413, or closed before its answer); every normal request answered within ${NORMAL_REQUEST_LIMIT_MS} ms.`,
    );

    const jsonPath = option(argv, "json");
    if (jsonPath)
      await writeFile(
        jsonPath,
        `${JSON.stringify({ at: new Date().toISOString(), parallel, megabytes, largestHwmMb: hwm, results }, null, 2)}\n`,
      );
    return failures.length === 0;
  } finally {
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
    await app.stop();
    await stores.drop();
  }
}
