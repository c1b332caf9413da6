import os from "node:os";
import type { ScenarioResult } from "./scenario";
import type { VolumeCounts } from "./seed-volume";

export type Machine = {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  loadAverage: number[];
  node: string;
  postgres: string;
  postgresSettings: string;
};

export function machine(postgresVersion: string, postgresSettings: string): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    memoryGb: os.totalmem() / 1024 ** 3,
    loadAverage: os.loadavg(),
    node: process.version,
    postgres: postgresVersion,
    postgresSettings,
  };
}

const ms = (value: number) => value.toFixed(1);

/** A pipe table (pastes into Markdown as is), columns padded for the terminal. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  return [line(header), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

export function resultsTable(results: readonly ScenarioResult[], targetP95: number): string {
  return table(
    ["scenario", "n", "p50 ms", "p95 ms", "max ms", "Server-Timing p95", "items", "load", `p95 < target (${targetP95} ms unless said)`],
    results.map((result) => [
      result.name,
      String(result.wall.n),
      ms(result.wall.p50),
      ms(result.wall.p95),
      ms(result.wall.max),
      result.serverTiming ? ms(result.serverTiming.p95) : "—",
      result.items === null ? "—" : String(result.items),
      result.load === undefined ? "—" : result.load.toFixed(1),
      `${result.wall.p95 < (result.target ?? targetP95) ? "PASS" : "FAIL"}${result.target ? ` (< ${result.target} ms)` : ""}`,
    ]),
  );
}

/** The machine, the database and the data behind the figures; the load average says whether something else shared the cores. */
export function context(host: Machine, counts: VolumeCounts, seeding: string): string {
  return [
    `machine: ${host.cpus} × ${host.cpuModel}, ${host.memoryGb.toFixed(1)} GB RAM; Node ${host.node}; ` +
      `load average ${host.loadAverage.map((load) => load.toFixed(2)).join(" ")} at the end of the run (app, database and client share these cores)`,
    `database: ${host.postgres} (${host.postgresSettings})`,
    `data: ${counts.tickets.toLocaleString("en")} tickets (${counts.openTickets.toLocaleString("en")} open), ${counts.events.toLocaleString("en")} journal events, ` +
      `${counts.configurationItems.toLocaleString("en")} configuration items, ${counts.users} users; ${seeding}`,
  ].join("\n");
}
