/** Where the benchmarks run and how much they load; every default can be overridden from the environment or the command line. */

export const BENCH_POSTGRES = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432";
export const BENCH_REDIS = process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
export const DEFAULT_BENCH_DATABASE = "guichet_bench";
/** The Next build the benchmarks start; its own folder, so it never clobbers `.next` or `.next-e2e`. */
export const BENCH_DIST_DIR = ".next-bench";

/** The volume the issue asks for: 250,000 tickets; 100,000 configuration items for the CMDB and dashboard benchmarks to come. */
export const VOLUME = { tickets: 250_000, configurationItems: 100_000 } as const;

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
