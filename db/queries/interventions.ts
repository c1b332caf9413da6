import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { configurationItems, establishments, interventionCis, interventions, tickets, users, vendors } from "@/db/schema";
import type { TicketScope } from "@/lib/domain/ticket-visibility";
import { scopeCondition } from "./ticket-list";

/** A ticket's interventions, oldest first, with who recorded them and the equipment they touched. */
export async function ticketInterventions(db: Executor, ticketId: string) {
  const rows = await db
    .select({
      id: interventions.id,
      mode: interventions.mode,
      startedAt: interventions.startedAt,
      minutes: interventions.minutes,
      travelMinutes: interventions.travelMinutes,
      summary: interventions.summary,
      details: interventions.details,
      createdAt: interventions.createdAt,
      author: { id: users.id, name: users.name },
      vendorName: vendors.name,
    })
    .from(interventions)
    .innerJoin(users, eq(users.id, interventions.authorId))
    .leftJoin(vendors, eq(vendors.id, interventions.vendorId))
    .where(eq(interventions.ticketId, ticketId))
    .orderBy(asc(interventions.startedAt), asc(interventions.createdAt));
  const cis =
    rows.length === 0
      ? []
      : await db
          .select({ interventionId: interventionCis.interventionId, id: configurationItems.id, name: configurationItems.name })
          .from(interventionCis)
          .innerJoin(configurationItems, eq(configurationItems.id, interventionCis.ciId))
          .where(
            inArray(
              interventionCis.interventionId,
              rows.map((row) => row.id),
            ),
          )
          .orderBy(asc(configurationItems.name));
  return rows.map((row) => ({ ...row, cis: cis.filter((ci) => ci.interventionId === row.id).map(({ id, name }) => ({ id, name })) }));
}

/** The interventions that touched one item of equipment, on tickets the caller sees, newest first (its history on the CI page). */
export function ciInterventions(db: Executor, ciId: string, scope: TicketScope, limit: number) {
  return db
    .select({
      id: interventions.id,
      mode: interventions.mode,
      startedAt: interventions.startedAt,
      minutes: interventions.minutes,
      summary: interventions.summary,
      reference: tickets.reference,
      author: users.name,
    })
    .from(interventionCis)
    .innerJoin(interventions, eq(interventions.id, interventionCis.interventionId))
    .innerJoin(tickets, eq(tickets.id, interventions.ticketId))
    .innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
    .innerJoin(users, eq(users.id, interventions.authorId))
    .where(and(eq(interventionCis.ciId, ciId), scopeCondition(scope)))
    .orderBy(desc(interventions.startedAt))
    .limit(limit);
}

/** How the sums are grouped: a school, a technician (who recorded), a Paris month ("2026-12"), a school's ISO week ("2026-W50"). */
export type InterventionGrouping = "establishment" | "author" | "month" | "establishment_week";

export type InterventionSum = {
  establishmentId: string | null;
  authorId: string | null;
  authorName: string | null;
  month: string | null;
  week: string | null;
  minutes: number;
  travelMinutes: number;
  count: number;
  onSite: number;
};

const parisTime = sql`(${interventions.startedAt} AT TIME ZONE 'Europe/Paris')`;
const MONTH = sql<string>`to_char(${parisTime}, 'YYYY-MM')`;
const WEEK = sql<string>`to_char(${parisTime}, 'IYYY-"W"IW')`;

/**
 * Time spent on the schools `establishmentIds` by interventions started in [from, to), summed per
 * `grouping`: the dashboards' time per school, technician and month, and the weekly report's per school and week.
 */
export async function interventionSums(
  db: Executor,
  scope: { establishmentIds: readonly string[]; from: Date; to: Date },
  grouping: InterventionGrouping,
): Promise<InterventionSum[]> {
  if (scope.establishmentIds.length === 0) return [];
  const keys: Record<InterventionGrouping, SQL[]> = {
    establishment: [sql`${interventions.establishmentId}`],
    author: [sql`${interventions.authorId}`, sql`${users.name}`],
    month: [MONTH],
    establishment_week: [sql`${interventions.establishmentId}`, WEEK],
  };
  const grouped = keys[grouping];
  const rows = await db
    .select({
      establishmentId:
        grouping === "establishment" || grouping === "establishment_week" ? sql<string>`${interventions.establishmentId}` : sql<null>`null`,
      authorId: grouping === "author" ? sql<string>`${interventions.authorId}` : sql<null>`null`,
      authorName: grouping === "author" ? sql<string>`${users.name}` : sql<null>`null`,
      month: grouping === "month" ? MONTH : sql<null>`null`,
      week: grouping === "establishment_week" ? WEEK : sql<null>`null`,
      minutes: sql<number>`sum(${interventions.minutes})::int`,
      travelMinutes: sql<number>`sum(${interventions.travelMinutes})::int`,
      count: sql<number>`count(*)::int`,
      onSite: sql<number>`(count(*) filter (where ${interventions.mode} = 'on_site'))::int`,
    })
    .from(interventions)
    .innerJoin(users, eq(users.id, interventions.authorId))
    .where(
      and(
        inArray(interventions.establishmentId, [...scope.establishmentIds]),
        gte(interventions.startedAt, scope.from),
        lt(interventions.startedAt, scope.to),
      ),
    )
    .groupBy(...grouped)
    .orderBy(...grouped);
  return rows;
}
