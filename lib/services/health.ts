import { sql } from "drizzle-orm";
import type { Redis } from "ioredis";
import type { Database } from "@/db/client";

export type HealthReport = { status: "ok" | "unavailable"; checks: { database: "ok" | "error"; redis: "ok" | "error" } };

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), ms).unref())]);

async function probe(check: () => Promise<unknown>): Promise<"ok" | "error"> {
  try {
    await withTimeout(check(), 2000);
    return "ok";
  } catch {
    return "error";
  }
}

/** Both stores must answer within two seconds for the instance to be healthy. */
export async function checkHealth(stores: { db: Database; redis: Redis }): Promise<HealthReport> {
  const [database, redis] = await Promise.all([probe(() => stores.db.execute(sql`select 1`)), probe(() => stores.redis.ping())]);
  return { status: database === "ok" && redis === "ok" ? "ok" : "unavailable", checks: { database, redis } };
}
