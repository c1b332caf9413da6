import { database } from "@/db/client";
import { listAuditEvents, type AuditEventRow, type AuditFilters } from "@/db/queries/audit-events";
import { auditPeriod, type AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import type { AuditQuery } from "@/lib/schemas/audit";
import { writeCsv } from "@/lib/services/csv/csv";
import { recordAudit } from "./record-audit";

/** The most rows one CSV download writes: narrow the filters for more. */
export const AUDIT_EXPORT_MAX = 10_000;
const EXPORT_PAGE = 1_000;

function filtersOf(query: AuditQuery): AuditFilters {
  const { who, action, objectType, objectId, from, to } = query;
  return { who: who || undefined, action, objectType, objectId: objectId || undefined, ...auditPeriod(from, to) };
}

/** One page of the audit trail under the journal's filters, for admins only (null for anyone else). */
export async function readAuditEvents(caller: Caller, query: AuditQuery) {
  if (!can(caller, "audit.read")) return null;
  return listAuditEvents(database(), filtersOf(query), { after: query.cursor, limit: query.limit });
}

/** What a CSV line says of a row: the header's labels and the cell texts come from the reader's catalogue. */
export type AuditCsvLabels = {
  header: string[];
  action: (action: AuditEventRow["action"]) => string;
  objectType: (type: AuditEventRow["objectType"]) => string;
  at: (date: Date) => string;
};

/**
 * Every row under the filters (up to {@link AUDIT_EXPORT_MAX}, newest first) as CSV, for admins only. The
 * file carries people's e-mails and addresses: its download is itself audited.
 */
export async function auditCsv(
  caller: Caller,
  query: AuditQuery,
  labels: AuditCsvLabels,
  actor: AuditActor,
): Promise<{ text: string; rows: number } | null> {
  if (!can(caller, "audit.read")) return null;
  const db = database();
  const filters = filtersOf(query);
  const rows: AuditEventRow[] = [];
  let after = query.cursor;
  do {
    const page = await listAuditEvents(db, filters, { after, limit: Math.min(EXPORT_PAGE, AUDIT_EXPORT_MAX - rows.length) });
    rows.push(...page.items);
    after = page.next ?? undefined;
  } while (after && rows.length < AUDIT_EXPORT_MAX);
  const json = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));
  const text = writeCsv([
    labels.header,
    ...rows.map((row) => [
      labels.at(row.occurredAt),
      row.actorLabel,
      row.ip,
      labels.action(row.action),
      labels.objectType(row.objectType),
      row.objectId,
      json(row.before),
      json(row.after),
      row.requestId,
    ]),
  ]);
  const { cursor: _cursor, limit: _limit, ...shown } = query;
  await recordAudit(db, actor, {
    action: "export.downloaded",
    objectType: "export",
    objectId: "journal",
    after: { filters: shown, rows: rows.length },
  });
  return { text, rows: rows.length };
}
