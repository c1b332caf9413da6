import type { TestProject } from "vitest/node";
import { createTestStores } from "../support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    redisPrefix: string;
  }
}

/** One freshly migrated and seeded database per run, dropped at the end. */
export default async function setup(project: TestProject) {
  const stores = await createTestStores("it");
  project.provide("databaseUrl", stores.databaseUrl);
  project.provide("redisPrefix", stores.redisPrefix);
  return () => stores.drop();
}
