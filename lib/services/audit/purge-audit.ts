import { lt, sql } from "drizzle-orm";
import { database } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { auditPurgeBefore } from "@/lib/domain/audit";

/**
 * Deletes the audit rows older than the retention. The table's trigger refuses any DELETE unless the
 * transaction says it is this purge (SET LOCAL: the setting ends with the transaction, never leaks to the pool).
 */
export async function purgeAuditEvents(now: Date, retentionDays: number): Promise<{ deleted: number; before: Date }> {
  const before = auditPurgeBefore(now, retentionDays);
  const deleted = await database().transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL guichet.audit_purge = 'on'`);
    const result = await tx.delete(auditEvents).where(lt(auditEvents.occurredAt, before));
    return result.rowCount ?? 0;
  });
  return { deleted, before };
}
