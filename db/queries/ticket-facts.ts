import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { establishments, tickets, ticketWatchers, vendorAccess } from "@/db/schema";
import type { TicketScopeFacts } from "@/lib/domain/ticket-visibility";

/** What the visibility rule needs of one ticket, by id or reference; null when there is no such ticket. */
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
    })
    .from(tickets)
    .innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
    .where("id" in by ? eq(tickets.id, by.id) : eq(tickets.reference, by.reference));
  if (!row) return null;
  const [watchers, vendorGrants] = await Promise.all([
    db.select({ teamId: ticketWatchers.teamId }).from(ticketWatchers).where(eq(ticketWatchers.ticketId, row.id)),
    db
      .select({
        teamId: vendorAccess.teamId,
        endedAt: vendorAccess.endedAt,
        sharedEventIds: vendorAccess.sharedEventIds,
        sharedAttachmentIds: vendorAccess.sharedAttachmentIds,
      })
      .from(vendorAccess)
      .where(eq(vendorAccess.ticketId, row.id)),
  ]);
  return { ...row, watcherTeamIds: watchers.map((watcher) => watcher.teamId), vendorGrants };
}
