import os from "node:os";
import { timedGet } from "./http";
import { summarize, type Summary } from "./stats";

/** Who a scenario signs in as; run.ts holds one token per actor. */
export type Actor = "technician" | "admin" | "manager" | "sectorLead" | "requester";

/** What a scenario may use to work out its request before timing starts (a cursor, an id from the data…). */
export type ScenarioSetup = {
  get: (path: string, actor: Actor) => Promise<unknown>;
  query: <Row extends Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<Row[]>;
};

/** One GET the benchmark repeats; `path` is worked out once, before the warm-up. */
export type Scenario = {
  name: string;
  actor: Actor;
  path: (setup: ScenarioSetup) => Promise<string> | string;
  /** The p95 this scenario is held to, when not the default (bench/config.ts TARGET_P95_MS). */
  target?: number;
};

export type ScenarioResult = {
  name: string;
  path: string;
  wall: Summary;
  /** From the Server-Timing header, when the app sends one. */
  serverTiming: Summary | null;
  /** Items in the (last) answer, as a sanity check that the request does what it says. */
  items: number | null;
  target?: number;
  /** The one-minute load average when the scenario ended: the machine is shared, so each figure carries its own. */
  load?: number;
};

export type MeasureOptions = { baseUrl: string; tokens: Record<Actor, string>; warmup: number; requests: number };

function itemCount(body: unknown): number | null {
  return typeof body === "object" && body !== null && "items" in body && Array.isArray(body.items) ? body.items.length : null;
}

/** Warm-up requests, then `requests` sequential timed ones; any answer but 200 stops the run (a benchmark of errors means nothing). */
export async function measure(scenario: Scenario, setup: ScenarioSetup, options: MeasureOptions): Promise<ScenarioResult> {
  const path = await scenario.path(setup);
  const url = `${options.baseUrl}${path}`;
  const token = options.tokens[scenario.actor];
  const wall: number[] = [];
  const server: number[] = [];
  let items: number | null = null;
  for (let i = 0; i < options.warmup + options.requests; i++) {
    const timing = await timedGet(url, token);
    if (timing.status !== 200)
      throw new Error(`${scenario.name}: GET ${path} answered ${timing.status}: ${JSON.stringify(timing.body).slice(0, 500)}`);
    if (i < options.warmup) continue;
    wall.push(timing.ms);
    if (timing.serverTimingMs !== null) server.push(timing.serverTimingMs);
    items = itemCount(timing.body);
  }
  return {
    name: scenario.name,
    path,
    wall: summarize(wall),
    serverTiming: server.length ? summarize(server) : null,
    items,
    ...(scenario.target ? { target: scenario.target } : {}),
    load: os.loadavg()[0],
  };
}
