import { sql } from "drizzle-orm";
import { Redis } from "ioredis";
import { afterEach, expect, test, vi } from "vitest";
import { createDatabase } from "@/db/client";
import { closeRedis } from "@/lib/redis";
import { checkHealth } from "@/lib/services/health";
import { TEST_POSTGRES } from "../support/test-database";

const originalRedisUrl = process.env.REDIS_URL;

afterEach(async () => {
  await closeRedis();
  process.env.REDIS_URL = originalRedisUrl;
  vi.resetModules();
});

async function healthRoute() {
  const { GET } = await import("@/app/api/health/route");
  const response = await GET();
  return { status: response.status, body: (await response.json()) as { status: string; checks: Record<string, string> } };
}

test("GET /api/health answers 200 when PostgreSQL and Redis answer", async () => {
  expect(await healthRoute()).toEqual({ status: 200, body: { status: "ok", checks: { database: "ok", redis: "ok" } } });
});

test("GET /api/health answers 503 naming Redis when Redis is down", async () => {
  await closeRedis();
  vi.resetModules();
  // Nothing listens on port 1: a Redis that does not answer.
  process.env.REDIS_URL = "redis://127.0.0.1:1";
  expect(await healthRoute()).toEqual({ status: 503, body: { status: "unavailable", checks: { database: "ok", redis: "error" } } });
});

test("checkHealth names the database when PostgreSQL does not answer", async () => {
  const { db, pool } = createDatabase(`${TEST_POSTGRES}/database_that_does_not_exist`);
  const live = new Redis(process.env.REDIS_URL!);
  try {
    expect(await checkHealth({ db, redis: live })).toEqual({ status: "unavailable", checks: { database: "error", redis: "ok" } });
  } finally {
    live.disconnect();
    await pool.end();
  }
  // The probe itself is not what failed: the same query works on the real database.
  const real = createDatabase(process.env.DATABASE_URL!);
  await expect(real.db.execute(sql`select 1`)).resolves.toBeTruthy();
  await real.pool.end();
});
