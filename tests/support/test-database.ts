import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { Redis } from "ioredis";
import { createDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrator";
import { seed } from "@/db/seed/seed";

export const TEST_POSTGRES = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432";
export const TEST_REDIS = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A database and a Redis namespace of their own, so runs never see each other's data. */
export type TestStores = { databaseUrl: string; redisPrefix: string; drop: () => Promise<void> };

/** `demo: false` seeds reference data only, as `npm run db:seed -- --reference-only` does. */
export async function createTestStores(kind: string, options: { demo: boolean } = { demo: true }): Promise<TestStores> {
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const databaseName = `guichet_${kind}_${suffix}`;
  const databaseUrl = `${TEST_POSTGRES}/${databaseName}`;
  const redisPrefix = `guichet_${kind}_${suffix}`;
  await migrateDatabase(databaseUrl);
  const { db, pool } = createDatabase(databaseUrl);
  try {
    await seed(db, { demo: options.demo });
  } finally {
    await pool.end();
  }
  return {
    databaseUrl,
    redisPrefix,
    drop: async () => {
      const admin = new Client({ connectionString: `${TEST_POSTGRES}/postgres` });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
      await admin.end();
      await deleteRedisKeys(redisPrefix);
    },
  };
}

export async function deleteRedisKeys(prefix: string): Promise<void> {
  const client = new Redis(TEST_REDIS);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
      if (keys.length) await client.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    client.disconnect();
  }
}

/** The environment the app needs, pointed at the test stores. */
export function testEnvironment(stores: TestStores, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: stores.databaseUrl,
    REDIS_URL: TEST_REDIS,
    REDIS_PREFIX: stores.redisPrefix,
    APP_URL: "http://localhost:3000",
    AUTH_SECRET: "test-secret-that-is-long-enough-0123456789",
    SMTP_URL: "smtp://127.0.0.1:2525",
    MAIL_FROM: "Guichet <no-reply@guichet.test>",
    UPLOAD_DIR: "./.run/uploads",
    LOG_LEVEL: "warn",
    ...overrides,
  };
}
