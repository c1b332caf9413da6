import type { Executor } from "@/db/client";
import type { Priority, TicketType } from "@/lib/domain/vocabulary";
import { recordTicketNotifications } from "../mail/notifications";
import { applyRouting, decideRouting, routingFacts } from "../routing/route-ticket";
import { refreshSla, type SlaSchedule } from "../sla/refresh-sla";

export type FiledTicket = {
  id: string;
  type: TicketType;
  categoryId: string;
  establishmentId: string;
  ciIds: string[];
  priority: Priority;
  /** Its "created" journal entry: the requester's confirmation and the queue's news hang on it. */
  createdEventId: number;
};

/**
 * Hands a filed ticket to the technicians, inside the caller's transaction: routing (team, watchers, referent),
 * its SLA clocks from `now`, the requester's confirmation and the watching teams' e-mail. At filing for most
 * tickets; at the final approval for those that wait for one (lib/services/approvals/on-ticket-approved.ts).
 */
export async function routeFiledTicket(
  tx: Executor,
  ticket: FiledTicket,
  now: Date,
): Promise<{ outboxIds: string[]; slaSchedules: (SlaSchedule | null)[] }> {
  const facts = await routingFacts(tx, {
    type: ticket.type,
    categoryId: ticket.categoryId,
    establishmentId: ticket.establishmentId,
    ciIds: ticket.ciIds,
    priority: ticket.priority,
  });
  const decision = await decideRouting(tx, facts);
  const routed = await applyRouting(tx, ticket.id, decision, null, now);
  const sla = await refreshSla(tx, ticket.id, now);
  const outboxIds = await recordTicketNotifications(
    tx,
    [
      { kind: "created", ticketId: ticket.id, eventId: ticket.createdEventId },
      // Watching teams (the Académie's RSSI on a security incident) are told at once.
      ...(decision.watcherTeamCodes.length ? [{ kind: "watched" as const, ticketId: ticket.id, eventId: routed.eventId }] : []),
    ],
    now,
  );
  return { outboxIds, slaSchedules: [sla] };
}
