import { execSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort, startApp, stopApp } from "@/tests/support/app-server";
import { deleteRedisKeys } from "@/tests/support/test-database";
import { BENCH_DIST_DIR, BENCH_REDIS } from "./config";

/**
 * `next build` adds its dist folder's type globs to tsconfig.json's `include`; for `.next-bench` that is
 * only noise in everyone's working tree, so the entries it added (and only those) are taken out again.
 */
function dropBenchTypeGlobs(): void {
  const file = "tsconfig.json";
  const config = JSON.parse(readFileSync(file, "utf8")) as { include?: string[] };
  const include = config.include ?? [];
  const kept = include.filter((entry) => !entry.startsWith(`${BENCH_DIST_DIR}/`));
  if (kept.length === include.length) return;
  writeFileSync(file, `${JSON.stringify({ ...config, include: kept }, null, 2)}\n`);
}

/**
 * Builds the app into `.next-bench` when it has no build yet, or when asked (after a code change: a reused
 * build is the code as it was then). Says which build the figures are for.
 */
export function ensureBuild(force: boolean): string {
  const buildId = path.join(BENCH_DIST_DIR, "BUILD_ID");
  if (!force && existsSync(buildId))
    return `reused the ${BENCH_DIST_DIR} build of ${statSync(buildId).mtime.toISOString()} (--build to rebuild)`;
  const started = performance.now();
  try {
    execSync("npx next build", { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: BENCH_DIST_DIR } });
  } finally {
    dropBenchTypeGlobs();
  }
  return `built ${BENCH_DIST_DIR} in ${((performance.now() - started) / 1000).toFixed(0)} s`;
}

/** `pid`: the started `npx next start`, root of the server's process tree. */
export type RunningApp = { baseUrl: string; pid: number; stop: () => Promise<void> };

/** The bench build served as in production (server.mjs), against `databaseUrl`, with a Redis prefix and an upload folder of its own. */
export async function startBenchApp(databaseUrl: string, redisPrefix: string): Promise<RunningApp> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const uploadDir = await mkdtemp(path.join(os.tmpdir(), "guichet-bench-uploads-"));
  const child = await startApp(
    {
      DATABASE_URL: databaseUrl,
      REDIS_URL: BENCH_REDIS,
      REDIS_PREFIX: redisPrefix,
      APP_URL: baseUrl,
      AUTH_SECRET: "bench-secret-that-is-long-enough-0123456789",
      SMTP_URL: "smtp://127.0.0.1:2525",
      MAIL_FROM: "Guichet <no-reply@guichet.test>",
      UPLOAD_DIR: uploadDir,
      LOG_LEVEL: "warn",
      NEXT_DIST_DIR: BENCH_DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    port,
  );
  return {
    baseUrl,
    pid: child.pid!,
    stop: async () => {
      await stopApp(child);
      await rm(uploadDir, { recursive: true, force: true });
      await deleteRedisKeys(redisPrefix);
    },
  };
}
