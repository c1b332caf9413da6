import type { Executor } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { AuditActor, AuditEntry } from "@/lib/domain/audit";

/**
 * Appends one row to the audit trail. Pass the transaction of the change it records, so the row and the
 * change commit or roll back together.
 */
export async function recordAudit(executor: Executor, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await executor.insert(auditEvents).values({
    actorId: actor.userId,
    actorLabel: actor.label,
    ip: actor.ip,
    requestId: actor.requestId,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
