import { expect } from "vitest";
import { closeDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { createTestStores } from "./test-database";

/**
 * Moves this test file to a database of its own, migrated and seeded: for fixtures the other files
 * must not see (extra zones, schools, accounts, tickets filed for other schools), since integration
 * files share one database and run one after another. Call it first in the file's first beforeAll,
 * before anything reads the environment; returns the function that drops it.
 */
export async function useOwnDatabase(kind: string): Promise<() => Promise<void>> {
  const stores = await createTestStores(kind);
  await closeDatabase();
  process.env.DATABASE_URL = stores.databaseUrl;
  expect(env().DATABASE_URL, "env() was read before useOwnDatabase").toBe(stores.databaseUrl);
  return async () => {
    await closeDatabase();
    await stores.drop();
  };
}
