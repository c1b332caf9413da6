import { afterAll, inject } from "vitest";
import { closeDatabase } from "@/db/client";
import { closeRedis } from "@/lib/redis";
import { testEnvironment } from "../support/test-database";

Object.assign(
  process.env,
  testEnvironment({ databaseUrl: inject("databaseUrl"), redisPrefix: inject("redisPrefix"), drop: async () => undefined }),
);

afterAll(async () => {
  await closeDatabase();
  await closeRedis();
});
