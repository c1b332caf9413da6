import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { loadRoutingRules } from "@/db/queries/routing-rules";
import { schoolReferents, teamMembersWithAbsencesOn, ticketEstablishmentId } from "@/db/queries/planning";
import { ticketEvents, tickets, ticketWatchers } from "@/db/schema";
import { categoryRoutingFacts, ciClassesOf, schoolRoutingFacts, slaPolicyByCode } from "@/db/queries/routing-facts";
import { teamsByCode } from "@/db/queries/teams";
import { parisDay } from "@/lib/domain/business-calendar";
import { referentAssignee, type SchoolReferents } from "@/lib/domain/referent-assignment";
import { route, type RoutingDecision, type TicketFacts } from "@/lib/domain/routing";
import type { Priority, TicketType } from "@/lib/domain/vocabulary";

/** What the router looks at, read from the database for a category and a school (unless the caller has read them) and linked equipment. */
export async function routingFacts(
  tx: Executor,
  input: { type: TicketType; categoryId: string; establishmentId: string; ciIds: string[]; priority: Priority },
  known: {
    category?: NonNullable<Awaited<ReturnType<typeof categoryRoutingFacts>>>;
    school?: NonNullable<Awaited<ReturnType<typeof schoolRoutingFacts>>>;
  } = {},
): Promise<TicketFacts> {
  const [category, school, ciClasses] = await Promise.all([
    known.category ?? categoryRoutingFacts(tx, input.categoryId),
    known.school ?? schoolRoutingFacts(tx, input.establishmentId),
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
 * `known`: the school's referents when already read (a filing reads them with its school).
 */
async function referentFor(
  tx: Executor,
  establishmentId: string | null,
  teamId: string,
  now: Date,
  known: SchoolReferents | null | undefined,
): Promise<{ id: string; name: string } | null> {
  const referents = known !== undefined ? known : establishmentId ? await schoolReferents(tx, establishmentId) : null;
  if (!referents) return null;
  const today = parisDay(now);
  const people = [referents.referentId, ...(referents.backupId ? [referents.backupId] : [])];
  const members = await teamMembersWithAbsencesOn(tx, teamId, people, today);
  const absences = members.flatMap((member) => member.absences);
  const { assigneeId } = referentAssignee(referents, { absences, teamMemberIds: members.map((member) => member.id), today });
  const assignee = members.find((member) => member.id === assigneeId);
  return assignee ? { id: assignee.id, name: assignee.name } : null;
}

/** What a routing decision writes: the ticket's columns, its watching teams, the journal entry's data, and the SLA policy it names. */
export type RoutingPlan = {
  set: {
    assignedTeamId: string | null;
    assigneeId: string | null;
    priority: Priority;
    routingRuleId: string | null;
    slaPolicyId: string | null;
  };
  watcherTeamIds: string[];
  eventData: Record<string, unknown>;
  policy: { code: string; targets: NonNullable<Awaited<ReturnType<typeof slaPolicyByCode>>>["targets"] } | null;
};

/**
 * Reads what a decision needs (its teams, the school's referent when the rule asks for one, its SLA policy) and says
 * what applying it writes. Reads only: a filing plans before it writes its ticket (lib/services/tickets/create-ticket.ts),
 * and gives what it has (the cached teams, the school's referents read with the school) rather than have them read.
 */
export async function planRouting(
  tx: Executor,
  establishmentId: string | null,
  decision: RoutingDecision,
  now: Date,
  known: { teams?: readonly { id: string; code: string; name: string }[]; referents?: SchoolReferents | null } = {},
): Promise<RoutingPlan> {
  const { teams } = known;
  const codes = [decision.teamCode, ...decision.watcherTeamCodes].filter((code): code is string => code !== null);
  const found = teams ? teams.filter((team) => codes.includes(team.code)) : await teamsByCode(tx, codes);
  const team = found.find((row) => row.code === decision.teamCode) ?? null;
  // The rule's SLA policy, when it names one; otherwise the default policy (null).
  const assignee = decision.assignToReferent && team ? await referentFor(tx, establishmentId, team.id, now, known.referents) : null;
  const policy = decision.slaPolicyCode ? await slaPolicyByCode(tx, decision.slaPolicyCode) : null;
  return {
    set: {
      assignedTeamId: team?.id ?? null,
      assigneeId: assignee?.id ?? null,
      priority: decision.priority,
      routingRuleId: decision.rule?.id ?? null,
      slaPolicyId: policy?.id ?? null,
    },
    watcherTeamIds: found.filter((row) => decision.watcherTeamCodes.includes(row.code)).map((row) => row.id),
    eventData: {
      team: team ? { code: team.code, name: team.name } : null,
      rule: decision.rule?.name ?? null,
      ...(assignee ? { assignee } : {}),
      // A rule naming a team that does not exist leaves the ticket to its zone's unassigned queue; say so.
      ...(decision.teamCode && !team ? { missingTeam: decision.teamCode } : {}),
    },
    policy: policy ? { code: policy.code, targets: policy.targets } : null,
  };
}

/** A planned routing's public journal entry (the school sees which team holds its ticket), by `actorId` (null: the router). */
export function routingEntry(plan: RoutingPlan, actorId: string | null) {
  return { kind: "assignment_changed", visibility: "public", authorId: actorId, body: null, data: plan.eventData } as const;
}

/** The INSERT of a planned routing's watching teams, unrun; null when it adds none. */
export function watchersInsert(db: Executor, ticketId: string, plan: RoutingPlan) {
  if (!plan.watcherTeamIds.length) return null;
  return db
    .insert(ticketWatchers)
    .values(plan.watcherTeamIds.map((teamId) => ({ ticketId, teamId })))
    .onConflictDoNothing();
}

/** Writes a planned routing's watchers and its public journal entry. */
export async function recordRouting(tx: Executor, ticketId: string, plan: RoutingPlan, actorId: string | null, now: Date): Promise<number> {
  await watchersInsert(tx, ticketId, plan);
  const [event] = await tx
    .insert(ticketEvents)
    .values({ ticketId, ...routingEntry(plan, actorId), createdAt: now })
    .returning({ id: ticketEvents.id });
  return event!.id;
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
  const establishmentId = decision.assignToReferent ? await ticketEstablishmentId(tx, ticketId) : null;
  const plan = await planRouting(tx, establishmentId, decision, now);
  await tx
    .update(tickets)
    .set({ ...plan.set, updatedAt: now })
    .where(eq(tickets.id, ticketId));
  const eventId = await recordRouting(tx, ticketId, plan, actorId, now);
  return { eventId, teamId: plan.set.assignedTeamId };
}
