import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { establishments, tickets } from "@/db/schema";
import type { TicketScopeFacts } from "@/lib/domain/ticket-visibility";
import { preparedStatement } from "./prepared";

type StoredVendorGrant = { teamId: string; endedAt: string | null; sharedEventIds: number[]; sharedAttachmentIds: string[] };

/**
 * What the visibility rule needs of a ticket, as the columns of a select from `tickets` joined to its establishment:
 * the facts statements below, and the detail's own statement (ticket-detail.ts) which answers them with the ticket.
 */
export const ticketFactColumns = {
  id: tickets.id,
  reference: tickets.reference,
  requesterId: tickets.requesterId,
  takenById: tickets.takenById,
  establishmentId: tickets.establishmentId,
  zoneId: establishments.zoneId,
  assignedTeamId: tickets.assignedTeamId,
  // Written out in full: Drizzle may leave a select's columns unqualified, which a subquery would rebind.
  watcherTeamIds: sql<string[]>`coalesce((select array_agg("w"."team_id"::text) from "ticket_watchers" "w"
    where "w"."ticket_id" = "tickets"."id"), '{}')`,
  vendorGrants: sql<StoredVendorGrant[]>`coalesce((
    select json_agg(json_build_object('teamId', "v"."team_id", 'endedAt', "v"."ended_at",
      'sharedEventIds', "v"."shared_event_ids", 'sharedAttachmentIds', "v"."shared_attachment_ids"))
    from "vendor_access" "v" where "v"."ticket_id" = "tickets"."id"), '[]')`.mapWith((grants: StoredVendorGrant[]) =>
    grants.map((grant) => ({ ...grant, endedAt: grant.endedAt === null ? null : new Date(grant.endedAt) })),
  ),
};

/** What the visibility rule needs of one ticket, by id or reference, in one statement; null when there is no such ticket. */
export async function ticketFacts(
  db: Executor,
  by: { id: string } | { reference: string },
): Promise<(TicketScopeFacts & { id: string; reference: string; requesterId: string }) | null> {
  const [row] = await ("id" in by ? byId(db).execute({ id: by.id }) : byReference(db).execute({ reference: by.reference }));
  return row ?? null;
}

function factsQuery(db: Executor) {
  return db.select(ticketFactColumns).from(tickets).innerJoin(establishments, eq(establishments.id, tickets.establishmentId));
}
const byId = preparedStatement((db) =>
  factsQuery(db)
    .where(eq(tickets.id, sql.placeholder("id")))
    .prepare("ticket_facts_by_id"),
);
const byReference = preparedStatement((db) =>
  factsQuery(db)
    .where(eq(tickets.reference, sql.placeholder("reference")))
    .prepare("ticket_facts_by_reference"),
);
