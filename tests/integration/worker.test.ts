import { eq, inArray } from "drizzle-orm";
import { expect, test } from "vitest";
import { database } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { startWorkers } from "@/workers/start";

test("the worker starts, runs the hourly token purge at once, and stops cleanly", async () => {
  const [user] = await database().select({ id: users.id }).from(users).where(eq(users.email, "tech.ouest@guichet.test"));
  const now = Date.now();
  const rows = await database().insert(apiTokens).values([
    { userId: user!.id, tokenHash: `expired-${now}`, expiresAt: new Date(now - 60_000) },
    { userId: user!.id, tokenHash: `live-${now}`, expiresAt: new Date(now + 3_600_000) },
  ]).returning({ id: apiTokens.id, tokenHash: apiTokens.tokenHash });

  const stop = await startWorkers();
  try {
    await expect.poll(async () => {
      const left = await database().select({ tokenHash: apiTokens.tokenHash }).from(apiTokens).where(inArray(apiTokens.id, rows.map((row) => row.id)));
      return left.map((row) => row.tokenHash);
    }, { timeout: 15_000, interval: 200 }).toEqual([`live-${now}`]);
  } finally {
    await stop();
  }
});
