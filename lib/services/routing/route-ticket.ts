import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { loadRoutingRules } from "@/db/queries/routing-rules";
import { ticketEvents, tickets, ticketWatchers } from "@/db/schema";
import { categoryRoutingFacts, ciClassesOf, schoolRoutingFacts, slaPolicyId } from "@/db/queries/routing-facts";
import { teamsByCode } from "@/db/queries/teams";
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
    type: input.type, serviceCode: category!.serviceCode, categoryCode: category!.code, schoolTask: category!.schoolTask !== null,
    establishment: school!, ciClasses, priority: input.priority,
  };
}

export async function decideRouting(tx: Executor, facts: TicketFacts): Promise<RoutingDecision> {
  return route(await loadRoutingRules(tx), facts);
}

/**
 * Gives the ticket to the decided team (unassigning any technician), applies the rule's priority
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
  const policyId = decision.slaPolicyCode ? await slaPolicyId(tx, decision.slaPolicyCode) : null;
  await tx.update(tickets).set({
    assignedTeamId: team?.id ?? null, assigneeId: null, priority: decision.priority, routingRuleId: decision.rule?.id ?? null,
    slaPolicyId: policyId, updatedAt: now,
  }).where(eq(tickets.id, ticketId));
  const watchers = found.filter((row) => decision.watcherTeamCodes.includes(row.code));
  if (watchers.length) await tx.insert(ticketWatchers).values(watchers.map((row) => ({ ticketId, teamId: row.id }))).onConflictDoNothing();
  const [event] = await tx.insert(ticketEvents).values({
    ticketId, kind: "assignment_changed", visibility: "public", authorId: actorId, createdAt: now,
    data: {
      team: team ? { code: team.code, name: team.name } : null,
      rule: decision.rule?.name ?? null,
      // A rule naming a team that does not exist leaves the ticket to its zone's unassigned queue; say so.
      ...(decision.teamCode && !team ? { missingTeam: decision.teamCode } : {}),
    },
  }).returning({ id: ticketEvents.id });
  return { eventId: event!.id, teamId: team?.id ?? null };
}
