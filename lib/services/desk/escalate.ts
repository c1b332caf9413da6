import { and, eq, isNull } from "drizzle-orm";
import { teams, ticketEvents, tickets, ticketWatchers, users, vendors } from "@/db/schema";
import { setStatus } from "./ticket-operations";
import { refuse, type DeskContext, type LockedTicket } from "./workable-ticket";

export type Escalation = { target: "vendor" | "expert" | "academy"; teamCode?: string; vendorReference?: string; reason: string };

async function teamByCode(context: DeskContext, code: string) {
  const [team] = await context.tx.select({ id: teams.id, code: teams.code, name: teams.name, party: teams.party, vendorId: teams.vendorId })
    .from(teams).where(eq(teams.code, code));
  if (!team) refuse({ kind: "unprocessable", message: `Aucune équipe ${code}.`, errors: [{ field: "teamCode", message: "Équipe inconnue." }] });
  return team!;
}

async function journal(context: DeskContext, ticket: LockedTicket, escalation: Escalation, data: Record<string, unknown>): Promise<number> {
  const [event] = await context.tx.insert(ticketEvents).values({
    ticketId: ticket.id, kind: "escalated", visibility: "internal", authorId: context.caller.id, body: escalation.reason, createdAt: context.now,
    data: { target: escalation.target, ...data },
  }).returning({ id: ticketEvents.id });
  return event!.id;
}

/**
 * Escalates with a reason, journalled and mailed to whoever takes over:
 * - vendor: the vendor's queue watches the ticket, its own reference is kept, and the ticket waits
 *   for the vendor while the Région's team keeps it (it stays accountable to the school);
 * - expert: another Région team, or without a team the sector lead of the school's zone;
 * - academy: an Académie team (the IT department unless named) when the ticket is theirs.
 */
export async function escalate(context: DeskContext, ticket: LockedTicket, escalation: Escalation): Promise<void> {
  const { tx, now } = context;
  if (escalation.target === "vendor") {
    if (!escalation.teamCode) refuse({ kind: "invalid", message: "Choisissez le prestataire.", errors: [{ field: "teamCode", message: "Prestataire obligatoire (équipe PREST-…)." }] });
    const team = await teamByCode(context, escalation.teamCode!);
    if (team.party !== "vendor" || !team.vendorId) refuse({ kind: "unprocessable", message: `${team.code} n'est pas un prestataire.`, errors: [{ field: "teamCode", message: "Équipe de prestataire attendue." }] });
    const [vendor] = await tx.select({ name: vendors.name }).from(vendors).where(eq(vendors.id, team.vendorId!));
    await tx.update(tickets).set({ vendorId: team.vendorId, vendorReference: escalation.vendorReference?.trim() || null, updatedAt: now }).where(eq(tickets.id, ticket.id));
    await tx.insert(ticketWatchers).values({ ticketId: ticket.id, teamId: team.id }).onConflictDoNothing();
    const eventId = await journal(context, ticket, escalation, {
      targetLabel: `prestataire ${vendor!.name}`, vendor: vendor!.name, vendorReference: escalation.vendorReference ?? null, notifyTeamId: team.id,
    });
    // The vendor's agents are told: they take over the repair.
    context.notify({ kind: "escalated", ticketId: ticket.id, eventId });
    await setStatus(context, ticket, "waiting_vendor", `Transmise au prestataire ${vendor!.name}${escalation.vendorReference ? ` (référence ${escalation.vendorReference})` : ""}.`);
    return;
  }

  if (escalation.target === "expert" && !escalation.teamCode) {
    const [lead] = await tx.select({ id: users.id, name: users.name }).from(users)
      .where(and(eq(users.role, "sector_lead"), eq(users.zoneId, ticket.zoneId), isNull(users.disabledAt))).limit(1);
    if (!lead) refuse({ kind: "unprocessable", message: "Aucun chef de secteur pour la zone de l'établissement.", errors: [{ field: "teamCode", message: "Nommez une équipe d'experts." }] });
    await tx.update(tickets).set({ assigneeId: lead!.id, updatedAt: now }).where(eq(tickets.id, ticket.id));
    const eventId = await journal(context, ticket, escalation, { targetLabel: `chef de secteur ${lead!.name}`, assignee: { id: lead!.id, name: lead!.name } });
    context.notify({ kind: "escalated", ticketId: ticket.id, eventId });
    return;
  }

  const team = await teamByCode(context, escalation.teamCode ?? "EQ-E-EOLE");
  const expected = escalation.target === "academy" ? "academy" : "region";
  if (team.party !== expected) {
    refuse({ kind: "unprocessable", message: `${team.code} n'est pas une équipe ${expected === "academy" ? "de l'Académie" : "de la Région"}.`, errors: [{ field: "teamCode", message: "Équipe d'un autre acteur." }] });
  }
  await tx.update(tickets).set({ assignedTeamId: team.id, assigneeId: null, updatedAt: now }).where(eq(tickets.id, ticket.id));
  const eventId = await journal(context, ticket, escalation, { targetLabel: team.name, team: { code: team.code, name: team.name } });
  await tx.insert(ticketEvents).values({
    ticketId: ticket.id, kind: "assignment_changed", visibility: "public", authorId: context.caller.id, createdAt: now, data: { team: { code: team.code, name: team.name } },
  });
  context.notify({ kind: "escalated", ticketId: ticket.id, eventId });
  if (ticket.status === "waiting_vendor" || ticket.status === "in_progress") await setStatus(context, ticket, "assigned");
}
