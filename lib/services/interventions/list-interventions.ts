import { database } from "@/db/client";
import { ticketFacts } from "@/db/queries/ticket-facts";
import { ticketInterventions } from "@/db/queries/interventions";
import type { Caller } from "@/lib/domain/caller";
import { timeSpent, withoutDetails, type TicketInterventions } from "@/lib/domain/interventions";
import { canSeeTicket, internalSight } from "@/lib/domain/ticket-visibility";
import { fail, succeed, type ServiceResult } from "../service-result";

/**
 * A ticket's interventions and the time they took, for anyone who sees the ticket. The details are for
 * readers of its internal content (the desk's staff) and for their own author; the school, and a vendor
 * for others' interventions, read the summaries.
 */
export async function readTicketInterventions(caller: Caller, reference: string, now: Date): Promise<ServiceResult<TicketInterventions>> {
  const db = database();
  const facts = await ticketFacts(db, { reference });
  if (!facts || !canSeeTicket(caller, facts, now)) return fail({ kind: "not_found" });
  const readsInternal = internalSight(caller, facts, now).kind === "all";
  const items = await ticketInterventions(db, facts.id);
  return succeed({
    items: items.map((item) => withoutDetails(item, readsInternal || item.author.id === caller.id)),
    total: timeSpent(items),
  });
}
