/**
 * Puts a one-Région run and a national run side by side (issue 19): each scenario's p50 and p95 at national
 * volume with its load average, the one-Région p50 and p95 with theirs, the ratios national / one-Région (goal ≤ 1.5
 * for lists) and, for each "page 200" scenario, page 200 / page 1 (goal ≤ 1.2), at p50 and at p95: on a shared
 * machine the p95 of 100 requests moves with the neighbours' load, the p50 much less.
 *
 *   npx tsx bench/compare.ts /tmp/region.json /tmp/national.json
 */
import { readFile } from "node:fs/promises";
import { table } from "./report";
import type { ScenarioResult } from "./scenario";

type Run = { at: string; results: ScenarioResult[] };

const fixed = (value: number | undefined, digits = 1) => (value === undefined || Number.isNaN(value) ? "—" : value.toFixed(digits));

export function comparison(region: Run, national: Run): string {
  const regional = new Map(region.results.map((result) => [result.name, result]));
  const nationally = new Map(national.results.map((result) => [result.name, result]));
  const rows = national.results.map((result) => {
    const one = regional.get(result.name);
    const firstPage = result.name.includes(", page 200") ? nationally.get(result.name.replace(", page 200", ", page 1")) : undefined;
    const target = result.target ?? 150;
    return [
      result.name,
      fixed(result.wall.p50),
      fixed(result.wall.p95),
      fixed(result.load),
      one ? fixed(one.wall.p50) : "—",
      one ? fixed(one.wall.p95) : "—",
      one ? fixed(one.load) : "—",
      one ? `${fixed(result.wall.p50 / one.wall.p50, 2)} / ${fixed(result.wall.p95 / one.wall.p95, 2)}` : "—",
      firstPage ? `${fixed(result.wall.p50 / firstPage.wall.p50, 2)} / ${fixed(result.wall.p95 / firstPage.wall.p95, 2)}` : "—",
      `${result.wall.p95 <= target ? "yes" : "NO"} (${target})`,
    ];
  });
  return table(
    [
      "scenario",
      "national p50 ms",
      "national p95 ms",
      "load",
      "one-Région p50 ms",
      "one-Région p95 ms",
      "load",
      "national / one-Région (p50 / p95)",
      "page 200 / page 1 (p50 / p95)",
      "p95 ≤ target ms",
    ],
    rows,
  );
}

async function main(argv: readonly string[]): Promise<void> {
  const [regionFile, nationalFile] = argv;
  if (!regionFile || !nationalFile) throw new Error("usage: npx tsx bench/compare.ts <one-Région run.json> <national run.json>");
  const [region, national] = await Promise.all(
    [regionFile, nationalFile].map(async (file) => JSON.parse(await readFile(file, "utf8")) as Run),
  );
  console.log(comparison(region!, national!));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
