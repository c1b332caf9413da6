import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { pageCaller } from "@/lib/auth/current-caller";
import { can } from "@/lib/domain/permissions";
import { ticketReference } from "@/lib/schemas/primitives";
import { readTicketInterventions } from "@/lib/services/interventions/list-interventions";
import { readTicket } from "@/lib/services/tickets/read-ticket";

type Side = "portal" | "desk";

/**
 * The ticket a page shows, with its interventions, or the 404 page. Cached per request so the page's
 * title (generateMetadata) and its body share one lookup: a title computed without it raced the
 * body's notFound() and a missing ticket could get "Demande …" over "Page introuvable".
 */
export const visibleTicket = cache(async (rawReference: string, side: Side) => {
  const reference = ticketReference.safeParse(rawReference);
  if (!reference.success) notFound();
  const caller = await pageCaller();
  // Staff following a school's link (an e-mail forwarded to them) land on their own page of the ticket.
  if (side === "portal" && can(caller, "desk.use")) redirect(`/bureau/tickets/${reference.data}`);
  if (!can(caller, side === "portal" ? "portal.use" : "desk.use")) notFound();
  const now = new Date();
  const [found, interventions] = await Promise.all([
    readTicket(caller, reference.data, now),
    readTicketInterventions(caller, reference.data, now),
  ]);
  if (!found || !interventions.ok) notFound();
  return { caller, reference: reference.data, found, interventions: interventions.value };
});
