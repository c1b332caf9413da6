import { and, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { categories, establishments, services, teams, tickets } from "@/db/schema";
import type { TicketScope } from "@/lib/domain/ticket-visibility";
import type { TicketStatus } from "@/lib/domain/vocabulary";

export type TicketCursor = { createdAt: string; id: string };

export type TicketListFilters = {
  scope: TicketScope;
  requesterId?: string;
  establishmentUai?: string;
  status?: TicketStatus;
  serviceCode?: string;
  q?: string;
  after?: TicketCursor;
  limit: number;
};

const NONE = sql`false`;

function scopeCondition(scope: TicketScope): SQL | undefined {
  switch (scope.kind) {
    case "all":
      return undefined;
    case "establishments":
      return scope.establishmentIds.length ? inArray(tickets.establishmentId, scope.establishmentIds) : NONE;
    case "teams": {
      const byTeam = scope.teamIds.length ? inArray(tickets.assignedTeamId, scope.teamIds) : undefined;
      const byZone = scope.zoneIds.length ? inArray(establishments.zoneId, scope.zoneIds) : undefined;
      return byTeam || byZone ? or(byTeam, byZone) : NONE;
    }
  }
}

/** A keyset page of tickets, newest first, within the caller's scope; text search is French and ignores accents. */
export async function listTickets(db: Executor, filters: TicketListFilters) {
  const conditions: (SQL | undefined)[] = [scopeCondition(filters.scope)];
  if (filters.requesterId) conditions.push(eq(tickets.requesterId, filters.requesterId));
  if (filters.establishmentUai) conditions.push(eq(establishments.uai, filters.establishmentUai));
  if (filters.status) conditions.push(eq(tickets.status, filters.status));
  if (filters.serviceCode) conditions.push(eq(services.code, filters.serviceCode));
  if (filters.q) {
    conditions.push(or(
      sql`${tickets.search} @@ websearch_to_tsquery('fr_unaccent', ${filters.q})`,
      eq(tickets.reference, filters.q.toUpperCase()),
    ));
  }
  if (filters.after) conditions.push(sql`(${tickets.createdAt}, ${tickets.id}) < (${filters.after.createdAt}::timestamptz, ${filters.after.id}::uuid)`);

  const rows = await db
    .select({
      id: tickets.id, reference: tickets.reference, type: tickets.type, status: tickets.status, priority: tickets.priority, title: tickets.title,
      flags: tickets.flags, createdAt: tickets.createdAt, updatedAt: tickets.updatedAt,
      establishment: { uai: establishments.uai, name: establishments.name },
      service: { code: services.code, name: services.name },
      category: { code: categories.code, name: categories.name },
      assignedTeam: { code: teams.code, name: teams.name, party: teams.party },
    })
    .from(tickets)
    .innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
    .innerJoin(services, eq(services.id, tickets.serviceId))
    .innerJoin(categories, eq(categories.id, tickets.categoryId))
    .leftJoin(teams, eq(teams.id, tickets.assignedTeamId))
    .where(and(...conditions))
    .orderBy(desc(tickets.createdAt), desc(tickets.id))
    .limit(filters.limit + 1);

  const page = rows.slice(0, filters.limit).map((row) => ({ ...row, assignedTeam: row.assignedTeam?.code ? row.assignedTeam : null }));
  const last = page.at(-1);
  return { items: page, next: rows.length > filters.limit && last ? { createdAt: last.createdAt.toISOString(), id: last.id } : null };
}

export type TicketListItem = Awaited<ReturnType<typeof listTickets>>["items"][number];
