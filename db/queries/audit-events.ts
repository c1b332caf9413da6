import { and, desc, eq, gte, ilike, lt, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { keysetPage } from "./keyset-page";
import { auditEvents } from "@/db/schema";
import type { AuditAction, AuditObjectType } from "@/lib/domain/audit";
import type { AuditCursor } from "@/lib/schemas/audit";

export type AuditFilters = {
  /** Part of the actor's e-mail, any case. */
  who?: string;
  action?: AuditAction;
  objectType?: AuditObjectType;
  objectId?: string;
  since?: Date;
  until?: Date;
};

export type AuditEventRow = {
  id: string;
  occurredAt: Date;
  actorId: string | null;
  actorLabel: string | null;
  ip: string | null;
  action: AuditAction;
  objectType: AuditObjectType;
  objectId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
};

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

function conditions(filters: AuditFilters): SQL | undefined {
  return and(
    filters.who ? ilike(auditEvents.actorLabel, `%${likeEscaped(filters.who)}%`) : undefined,
    filters.action ? eq(auditEvents.action, filters.action) : undefined,
    filters.objectType ? eq(auditEvents.objectType, filters.objectType) : undefined,
    filters.objectId ? eq(auditEvents.objectId, filters.objectId) : undefined,
    filters.since ? gte(auditEvents.occurredAt, filters.since) : undefined,
    filters.until ? lt(auditEvents.occurredAt, filters.until) : undefined,
  );
}

/**
 * One keyset page of the audit trail, newest first. The cursor keeps the instant as PostgreSQL writes it:
 * a JavaScript date would lose the microseconds and skip rows on the page boundary.
 */
export async function listAuditEvents(db: Executor, filters: AuditFilters, options: { after?: AuditCursor; limit: number }) {
  const rows = await db
    .select({
      id: sql<string>`${auditEvents.id}::text`,
      at: sql<string>`${auditEvents.occurredAt}::text`,
      occurredAt: auditEvents.occurredAt,
      actorId: auditEvents.actorId,
      actorLabel: auditEvents.actorLabel,
      ip: auditEvents.ip,
      action: auditEvents.action,
      objectType: auditEvents.objectType,
      objectId: auditEvents.objectId,
      before: auditEvents.before,
      after: auditEvents.after,
      requestId: auditEvents.requestId,
    })
    .from(auditEvents)
    .where(
      and(
        conditions(filters),
        options.after
          ? sql`(${auditEvents.occurredAt}, ${auditEvents.id}) < (${options.after.at}::timestamptz, ${options.after.id}::bigint)`
          : undefined,
      ),
    )
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(options.limit + 1);
  const { items, next } = keysetPage(rows, options.limit, (last) => ({ at: last.at, id: last.id }));
  return { items: items.map(({ at: _at, ...row }) => row as AuditEventRow), next };
}
