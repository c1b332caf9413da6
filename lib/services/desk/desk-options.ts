import { database } from "@/db/client";
import { activeTeamMembers, workingTeams } from "@/db/queries/desk-options";
import { majorIncidentFacts, openMajorIncidents } from "@/db/queries/announcements";
import { ticketFacts } from "@/db/queries/ticket-facts";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import { canSeeTicket } from "@/lib/domain/ticket-visibility";

export type DeskTeam = { code: string; name: string; vendorName: string | null };
export type TeamsByParty = { region: DeskTeam[]; academy: DeskTeam[]; vendor: DeskTeam[] };

/** The teams a desk user may move a ticket to or escalate it to, grouped by who runs them; null outside the desk. */
export async function listDeskTeams(caller: Caller): Promise<TeamsByParty | null> {
  if (!can(caller, "desk.use")) return null;
  const grouped: TeamsByParty = { region: [], academy: [], vendor: [] };
  for (const { party, ...team } of await workingTeams(database())) {
    if (party !== "school") grouped[party].push(team);
  }
  return grouped;
}

/**
 * Who a ticket may be assigned to: the active members of the team holding it (none while no team
 * holds it); null when the caller may not work on this ticket.
 */
export async function listHoldingTeamMembers(caller: Caller, reference: string): Promise<Array<{ id: string; name: string }> | null> {
  if (!can(caller, "desk.use")) return null;
  const db = database();
  const facts = await ticketFacts(db, { reference });
  if (!facts || !canSeeTicket(caller, facts, new Date())) return null;
  return facts.assignedTeamId ? activeTeamMembers(db, facts.assignedTeamId) : [];
}

/**
 * The desk ticket page's major-incident panel: how many tickets this one groups, the major incident it is grouped
 * under, and the major incidents of announced outages it may join (not itself); null when the caller may not work on it.
 */
export async function majorIncidentPanel(caller: Caller, reference: string, now: Date) {
  if (!can(caller, "tickets.work")) return null;
  const db = database();
  const facts = await ticketFacts(db, { reference });
  if (!facts || !canSeeTicket(caller, facts, now)) return null;
  const [own, majors] = await Promise.all([majorIncidentFacts(db, facts.id), openMajorIncidents(db, now)]);
  return { ...own, majors: majors.filter((major) => major.reference !== reference) };
}

/** The major incidents of announced outages the desk may group tickets under (the queue's bulk bar); none outside the desk. */
export async function majorIncidentChoices(caller: Caller, now: Date) {
  return can(caller, "tickets.work") ? openMajorIncidents(database(), now) : [];
}
