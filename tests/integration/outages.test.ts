/**
 * PostgreSQL or Redis down (issue 19): the API answers 503 problem+json with Retry-After (not 500), /api/health names
 * the store that is down, and the process serves again by itself within 10 s of the store's return. On private
 * instances of both (tests/support/private-stores.ts), stopped and restarted here; the shared servers are untouched.
 */
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { startPrivatePostgres, startPrivateRedis, type PrivatePostgres, type PrivateRedis } from "../support/private-stores";

const RECOVERY_MS = 10_000;
let postgres: PrivatePostgres;
let redis: PrivateRedis;
const original = { DATABASE_URL: process.env.DATABASE_URL, REDIS_URL: process.env.REDIS_URL };

beforeAll(async () => {
  postgres = await startPrivatePostgres();
  redis = await startPrivateRedis();
  const url = postgres.url("guichet_outages");
  const { migrateDatabase } = await import("@/db/migrator");
  const { createDatabase, closeDatabase } = await import("@/db/client");
  const { seed } = await import("@/db/seed/seed");
  const { closeRedis } = await import("@/lib/redis");
  await migrateDatabase(url);
  const { db, pool } = createDatabase(url);
  await seed(db, { demo: true });
  await pool.end();
  // The process's pool and Redis client, and the parsed environment, start again on the private stores.
  await closeDatabase();
  await closeRedis();
  Object.assign(process.env, { DATABASE_URL: url, REDIS_URL: redis.url });
  vi.resetModules();
}, 120_000);

afterAll(async () => {
  const { closeDatabase } = await import("@/db/client");
  const { closeRedis } = await import("@/lib/redis");
  await closeDatabase();
  await closeRedis();
  Object.assign(process.env, original);
  postgres?.destroy();
  await redis?.destroy();
});

async function health() {
  const { GET } = await import("@/app/api/health/route");
  const response = await GET();
  return { status: response.status, body: (await response.json()) as { status: string; checks: Record<string, string> } };
}

async function signIn() {
  const { POST } = await import("@/app/api/v1/tokens/route");
  return POST(
    new Request("http://localhost:3000/api/v1/tokens", {
      method: "POST",
      headers: { "content-type": "application/json", "x-guichet-peer": "127.0.0.1" },
      body: JSON.stringify({ email: "csl.choiseul@guichet.test", password: DEMO_PASSWORD }),
    }),
    undefined as never,
  );
}

async function listTickets(token: string) {
  const { GET } = await import("@/app/api/v1/tickets/route");
  return GET(
    new Request("http://localhost:3000/api/v1/tickets?limit=5", { headers: { authorization: `Bearer ${token}` } }),
    undefined as never,
  );
}

/** Polls `attempt` every 200 ms until it answers `status`; the time it took, failing past `RECOVERY_MS`. */
async function recoveredWithin(attempt: () => Promise<Response>, status: number): Promise<number> {
  const started = Date.now();
  let last = 0;
  while (Date.now() - started < RECOVERY_MS) {
    last = (await attempt()).status;
    if (last === status) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`still ${last} after ${RECOVERY_MS} ms`);
}

async function expectUnavailable(response: Response) {
  expect(response.status).toBe(503);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(await response.json()).toMatchObject({ status: 503, title: "Service momentanément indisponible" });
}

test("PostgreSQL down: 503 with Retry-After, health names the database, served again within 10 s of its return", async () => {
  const signedIn = await signIn();
  expect(signedIn.status).toBe(201);
  const { token } = (await signedIn.json()) as { token: string };
  expect((await listTickets(token)).status).toBe(200);
  expect(await health()).toEqual({ status: 200, body: { status: "ok", checks: { database: "ok", redis: "ok" } } });

  postgres.stop();
  try {
    await expectUnavailable(await listTickets(token));
    await expectUnavailable(await signIn());
    expect(await health()).toEqual({ status: 503, body: { status: "unavailable", checks: { database: "error", redis: "ok" } } });
  } finally {
    postgres.start();
  }
  // The pool replaces its dead connections by itself: no restart of the process.
  expect(await recoveredWithin(() => listTickets(token), 200)).toBeLessThan(RECOVERY_MS);
  expect((await health()).status).toBe(200);
});

test("Redis down, then back empty: sign-in answers 503 with Retry-After, health names Redis, served again within 10 s", async () => {
  expect((await signIn()).status).toBe(201);
  await redis.stop();
  try {
    await expectUnavailable(await signIn());
    expect(await health()).toEqual({ status: 503, body: { status: "unavailable", checks: { database: "ok", redis: "error" } } });
  } finally {
    await redis.start();
  }
  // ioredis reconnects by itself to the new, empty server.
  expect(await recoveredWithin(signIn, 201)).toBeLessThan(RECOVERY_MS);
  expect(await health()).toEqual({ status: 200, body: { status: "ok", checks: { database: "ok", redis: "ok" } } });

  // A flush (every key gone) is not an outage: nothing answers 503, the counters start again.
  await redis.flush();
  expect((await signIn()).status).toBe(201);
});

test("PostgreSQL stopped while a transaction awaits something else (an SMTP server): that transaction fails, the process lives on", async () => {
  const { database } = await import("@/db/client");
  const { sql } = await import("drizzle-orm");
  // The connection is lent to the transaction between two queries when the server cuts it: pg emits the error on the
  // client, which must be heard (db/client.ts), or the process ends (the worker did, during the faults bench).
  const cut = database().transaction(async (tx) => {
    await tx.execute(sql`SELECT 1`);
    postgres.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await tx.execute(sql`SELECT 1`);
  });
  try {
    await expect(cut).rejects.toThrow();
  } finally {
    postgres.start();
  }
  const { GET } = await import("@/app/api/health/route");
  expect(await recoveredWithin(GET, 200)).toBeLessThan(RECOVERY_MS);
});
