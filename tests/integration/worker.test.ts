import { eq, inArray } from "drizzle-orm";
import { expect, test } from "vitest";
import { database } from "@/db/client";
import { apiTokens, auditEvents, users } from "@/db/schema";
import { startWorkers } from "@/workers/start";

test("the worker starts, runs the hourly purges (tokens, audit rows past AUDIT_RETENTION_DAYS) at once, and stops cleanly", async () => {
  const [user] = await database().select({ id: users.id }).from(users).where(eq(users.email, "tech.ouest@guichet.test"));
  const now = Date.now();
  const rows = await database()
    .insert(apiTokens)
    .values([
      { userId: user!.id, tokenHash: `expired-${now}`, expiresAt: new Date(now - 60_000) },
      { userId: user!.id, tokenHash: `live-${now}`, expiresAt: new Date(now + 3_600_000) },
    ])
    .returning({ id: apiTokens.id, tokenHash: apiTokens.tokenHash });
  const audit = await database()
    .insert(auditEvents)
    .values([
      { action: "account.enabled", objectType: "user", objectId: `past-retention-${now}`, occurredAt: new Date(now - 366 * 86_400_000) },
      { action: "account.enabled", objectType: "user", objectId: `within-retention-${now}`, occurredAt: new Date(now - 364 * 86_400_000) },
    ])
    .returning({ id: auditEvents.id });

  const stop = await startWorkers();
  try {
    await expect
      .poll(
        async () => {
          const left = await database()
            .select({ tokenHash: apiTokens.tokenHash })
            .from(apiTokens)
            .where(
              inArray(
                apiTokens.id,
                rows.map((row) => row.id),
              ),
            );
          return left.map((row) => row.tokenHash);
        },
        { timeout: 15_000, interval: 200 },
      )
      .toEqual([`live-${now}`]);
    await expect
      .poll(
        async () => {
          const left = await database()
            .select({ objectId: auditEvents.objectId })
            .from(auditEvents)
            .where(
              inArray(
                auditEvents.id,
                audit.map((row) => row.id),
              ),
            );
          return left.map((row) => row.objectId);
        },
        { timeout: 15_000, interval: 200 },
      )
      .toEqual([`within-retention-${now}`]);
  } finally {
    await stop();
  }
});
