import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { loadRoutingRules } from "@/db/queries/routing-rules";
import { activeTeamMembersAmong, absencesBetween, schoolReferents, ticketEstablishmentId } from "@/db/queries/planning";
import { ticketEvents, tickets, ticketWatchers } from "@/db/schema";
import { categoryRoutingFacts, ciClassesOf, schoolRoutingFacts, slaPolicyId } from "@/db/queries/routing-facts";
import { teamsByCode } from "@/db/queries/teams";
import { parisDay } from "@/lib/domain/business-calendar";
import { referentAssignee } from "@/lib/domain/referent-assignment";
import { route, type RoutingDecision, type TicketFacts } from "@/lib/domain/routing";
import type { Priority, TicketType } from "@/lib/domain/vocabulary";

/** What the router looks at, read from the database for a category, a school and linked equipment. */
export async function routingFacts(
  tx: Executor,
  input: { type: TicketType; categoryId: string; establishmentId: string; ciIds: string[]; priority: Priority },
): Promise<TicketFacts> {
  const [category, school, ciClasses] = await Promise.all([
    categoryRoutingFacts(tx, input.categoryId),
    schoolRoutingFacts(tx, input.establishmentId),
    ciClassesOf(tx, input.ciIds),
  ]);
  return {
    type: input.type,
    serviceCode: category!.serviceCode,
    categoryCode: category!.code,
    schoolTask: category!.schoolTask !== null,
    establishment: school!,
    ciClasses,
    priority: input.priority,
  };
}

export async function decideRouting(tx: Executor, facts: TicketFacts): Promise<RoutingDecision> {
  return route(await loadRoutingRules(tx), facts);
}

/**
 * Under "Assigner au référent de l'établissement": the school's referent, else the backup when the referent
 * is away today, else nobody (lib/domain/referent-assignment.ts). Null when the rule does not ask for it.
 */
async function referentFor(tx: Executor, ticketId: string, teamId: string, now: Date): Promise<{ id: string; name: string } | null> {
  const establishmentId = await ticketEstablishmentId(tx, ticketId);
  const referents = establishmentId ? await schoolReferents(tx, establishmentId) : null;
  if (!referents) return null;
  const today = parisDay(now);
  const people = [referents.referentId, ...(referents.backupId ? [referents.backupId] : [])];
  const [absences, members] = await Promise.all([absencesBetween(tx, people, today, today), activeTeamMembersAmong(tx, teamId, people)]);
  const { assigneeId } = referentAssignee(referents, { absences, teamMemberIds: members.map((row) => row.id), today });
  return members.find((member) => member.id === assigneeId) ?? null;
}

/**
 * Gives the ticket to the decided team (unassigning any technician, or assigning the school's referent when the rule says so), applies the rule's priority
 * floor and SLA policy, adds its watchers, and journals it publicly: the school sees which team holds its ticket.
 */
export async function applyRouting(
  tx: Executor,
  ticketId: string,
  decision: RoutingDecision,
  actorId: string | null,
  now: Date,
): Promise<{ eventId: number; teamId: string | null }> {
  const codes = [decision.teamCode, ...decision.watcherTeamCodes].filter((code): code is string => code !== null);
  const found = await teamsByCode(tx, codes);
  const team = found.find((row) => row.code === decision.teamCode) ?? null;
  // The rule's SLA policy, when it names one; otherwise the default policy (null).
  const assignee = decision.assignToReferent && team ? await referentFor(tx, ticketId, team.id, now) : null;
  const policyId = decision.slaPolicyCode ? await slaPolicyId(tx, decision.slaPolicyCode) : null;
  await tx
    .update(tickets)
    .set({
      assignedTeamId: team?.id ?? null,
      assigneeId: assignee?.id ?? null,
      priority: decision.priority,
      routingRuleId: decision.rule?.id ?? null,
      slaPolicyId: policyId,
      updatedAt: now,
    })
    .where(eq(tickets.id, ticketId));
  const watchers = found.filter((row) => decision.watcherTeamCodes.includes(row.code));
  if (watchers.length)
    await tx
      .insert(ticketWatchers)
      .values(watchers.map((row) => ({ ticketId, teamId: row.id })))
      .onConflictDoNothing();
  const [event] = await tx
    .insert(ticketEvents)
    .values({
      ticketId,
      kind: "assignment_changed",
      visibility: "public",
      authorId: actorId,
      createdAt: now,
      data: {
        team: team ? { code: team.code, name: team.name } : null,
        rule: decision.rule?.name ?? null,
        ...(assignee ? { assignee } : {}),
        // A rule naming a team that does not exist leaves the ticket to its zone's unassigned queue; say so.
        ...(decision.teamCode && !team ? { missingTeam: decision.teamCode } : {}),
      },
    })
    .returning({ id: ticketEvents.id });
  return { eventId: event!.id, teamId: team?.id ?? null };
}
