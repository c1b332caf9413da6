import { forbidden, invalidRequest, unauthenticated } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import type { AuditEventRow } from "@/db/queries/audit-events";
import { auditQuery, type AuditEventJson } from "@/lib/schemas/audit";
import { encodeCursor } from "@/lib/schemas/cursor";
import { readAuditEvents } from "@/lib/services/audit/read-audit";

export const dynamic = "force-dynamic";

const eventJson = (row: AuditEventRow): AuditEventJson => ({
  id: row.id,
  occurredAt: row.occurredAt.toISOString(),
  actor: { id: row.actorId, label: row.actorLabel },
  ip: row.ip,
  action: row.action,
  objectType: row.objectType,
  objectId: row.objectId,
  before: row.before,
  after: row.after,
  requestId: row.requestId,
});

/**
 * GET /api/v1/audit?who=&action=&objectType=&objectId=&from=&to=&cursor=&limit= → {items, nextCursor}, newest first;
 * admins only (403 for anyone else). `from` and `to` are Paris days, both included.
 */
export const GET = apiRoute(async (request: Request) => {
  const query = auditQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalidRequest(query.error);
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const page = await readAuditEvents(caller, query.data);
  if (!page) return forbidden();
  return Response.json({ items: page.items.map(eventJson), nextCursor: page.next ? encodeCursor(page.next) : null });
});
