/** Where the benchmarks run and how much they load; every default can be overridden from the environment or the command line. */

export const BENCH_POSTGRES = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432";
export const BENCH_REDIS = process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
export const DEFAULT_BENCH_DATABASE = "guichet_bench";
/** The Next build the benchmarks start; its own folder, so it never clobbers `.next` or `.next-e2e`. */
export const BENCH_DIST_DIR = ".next-bench";

/**
 * The volumes: `region` (the default) is one Région, the demo's 20 schools, 250,000 tickets over three school years and
 * 100,000 configuration items; `national` (issue 19) adds the twelve other metropolitan Régions (about 1,980 schools,
 * bench/volume/national.ts): 2,500,000 tickets over ten school years and 1,000,000 items.
 */
export type Scale = "region" | "national";
export type Volume = { scale: Scale; tickets: number; configurationItems: number; firstDay: string; addedSchools: number };
export const VOLUMES: Record<Scale, Volume> = {
  region: { scale: "region", tickets: 250_000, configurationItems: 100_000, firstDay: "2023-09-01", addedSchools: 0 },
  national: { scale: "national", tickets: 2_500_000, configurationItems: 1_000_000, firstDay: "2016-09-01", addedSchools: 1_980 },
};
export const VOLUME = VOLUMES.region;

/** `--scale national` and `--fraction 0.02` (a reduced copy to develop against: tickets, items and added schools × fraction). */
export function volumeFor(argv: readonly string[]): Volume {
  const scale = option(argv, "scale") ?? "region";
  if (scale !== "region" && scale !== "national") throw new Error(`--scale expects region or national, got "${scale}"`);
  const fraction = Number(option(argv, "fraction") ?? "1");
  if (!(fraction > 0 && fraction <= 1)) throw new Error(`--fraction expects a number in ]0, 1], got "${option(argv, "fraction")}"`);
  const base = VOLUMES[scale];
  return {
    ...base,
    tickets: Math.round(base.tickets * fraction),
    configurationItems: Math.round(base.configurationItems * fraction),
    addedSchools: Math.round(base.addedSchools * fraction),
  };
}

/** The default database of a volume: guichet_bench, guichet_bench_national. */
export function defaultDatabase(volume: Volume): string {
  return volume.scale === "region" ? DEFAULT_BENCH_DATABASE : `${DEFAULT_BENCH_DATABASE}_national`;
}

/** The server-side target of the issue, at p95. */
export const TARGET_P95_MS = 150;

export function databaseUrl(name: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Invalid database name: ${name}`);
  return `${BENCH_POSTGRES}/${name}`;
}

/** `--name value` or `--name=value` from argv; undefined when absent. */
export function option(argv: readonly string[], name: string): string | undefined {
  const index = argv.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (index < 0) return undefined;
  const arg = argv[index]!;
  return arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[index + 1];
}

export function flag(argv: readonly string[], name: string): boolean {
  return argv.includes(`--${name}`);
}

export function positiveInteger(value: string | undefined, fallback: number, label: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${label} expects a non-negative integer, got "${value}"`);
  return parsed;
}
