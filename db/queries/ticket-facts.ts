import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { establishments, tickets } from "@/db/schema";
import type { TicketScopeFacts } from "@/lib/domain/ticket-visibility";

/** A vendor grant as json_build_object gives it: the date as text. */
type GrantJson = { teamId: string; endedAt: string | null; sharedEventIds: number[]; sharedAttachmentIds: string[] };

/**
 * What the visibility rule needs of one ticket, by id or reference; null when there is no such ticket. One
 * statement (its watchers and vendor grants as sub-selects): every read and change of a ticket starts here.
 */
export async function ticketFacts(
  db: Executor,
  by: { id: string } | { reference: string },
): Promise<(TicketScopeFacts & { id: string; reference: string; requesterId: string }) | null> {
  const [row] = await db
    .select({
      id: tickets.id,
      reference: tickets.reference,
      requesterId: tickets.requesterId,
      takenById: tickets.takenById,
      establishmentId: tickets.establishmentId,
      zoneId: establishments.zoneId,
      assignedTeamId: tickets.assignedTeamId,
      // Spelled out, as Drizzle may leave a select's column names unqualified (then "id" is the sub-select's).
      watcherTeamIds: sql<string[]>`array(select w.team_id::text from ticket_watchers w where w.ticket_id = "tickets"."id")`,
      vendorGrants: sql<GrantJson[]>`coalesce((select json_agg(json_build_object('teamId', v.team_id, 'endedAt', v.ended_at,
        'sharedEventIds', v.shared_event_ids, 'sharedAttachmentIds', v.shared_attachment_ids))
        from vendor_access v where v.ticket_id = "tickets"."id"), '[]'::json)`,
    })
    .from(tickets)
    .innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
    .where("id" in by ? eq(tickets.id, by.id) : eq(tickets.reference, by.reference));
  if (!row) return null;
  const vendorGrants = row.vendorGrants.map((grant) => ({ ...grant, endedAt: grant.endedAt === null ? null : new Date(grant.endedAt) }));
  return { ...row, vendorGrants };
}
