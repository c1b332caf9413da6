import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { keysetPage } from "./keyset-page";
import { categories, establishments, services, teams, ticketCis, tickets, ticketWatchers, vendorAccess, zones } from "@/db/schema";
import type { TicketScope } from "@/lib/domain/ticket-visibility";
import type { SlaState } from "@/lib/domain/sla";
import type { Priority, TicketStatus, TicketType } from "@/lib/domain/vocabulary";

/** `due_asc`: the soonest deadline to resolve first, tickets without one last (the at-risk queue's order). */
export const TICKET_SORTS = ["created_desc", "created_asc", "priority", "updated_desc", "due_asc"] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

/** The keyset cursor: the sort's values of the last row seen. */
export type TicketCursor = { createdAt: string; id: string; priority?: Priority; updatedAt?: string; resolveBy?: string | null };

export type TicketListFilters = {
  scope: TicketScope;
  requesterId?: string;
  establishmentUai?: string;
  zoneCode?: string;
  type?: TicketType;
  status?: TicketStatus;
  statuses?: readonly TicketStatus[];
  priority?: Priority;
  serviceCode?: string;
  teamId?: string;
  /** A vendor's queue: tickets whose wait for it is under way. */
  waitingForTeamId?: string;
  /** Stored SLA states to keep (the at-risk queue: at_risk and breached). */
  slaStates?: readonly SlaState[];
  /** A user id, or "none" for tickets nobody has taken. */
  assignee?: string | "none";
  ciId?: string;
  q?: string;
  sort?: TicketSort;
  after?: TicketCursor;
  limit: number;
};

const NONE = sql`false`;

/** The tickets the caller filed, or took on the phone for a school's contact. */
const filedBy = (userId: string) => or(eq(tickets.requesterId, userId), eq(tickets.takenById, userId))!;

export function scopeCondition(scope: TicketScope): SQL | undefined {
  switch (scope.kind) {
    case "all":
      return undefined;
    case "establishments":
      return or(
        scope.establishmentIds.length ? inArray(tickets.establishmentId, scope.establishmentIds) : NONE,
        filedBy(scope.requesterId),
      );
    case "teams": {
      const byFiling = filedBy(scope.requesterId);
      if (!scope.teamIds.length && !scope.zoneIds.length) return byFiling;
      const byTeam = scope.teamIds.length ? inArray(tickets.assignedTeamId, scope.teamIds) : undefined;
      const byWatch = scope.teamIds.length
        ? sql`exists (select 1 from ${ticketWatchers} where ${ticketWatchers.ticketId} = ${tickets.id} and ${inArray(ticketWatchers.teamId, scope.teamIds)})`
        : undefined;
      const byZone = scope.zoneIds.length ? inArray(establishments.zoneId, scope.zoneIds) : undefined;
      return or(byTeam, byWatch, byZone, byFiling);
    }
    case "vendor": {
      const byFiling = filedBy(scope.requesterId);
      if (!scope.teamIds.length) return byFiling;
      return or(
        byFiling,
        sql`exists (select 1 from ${vendorAccess} where ${vendorAccess.ticketId} = ${tickets.id} and ${inArray(vendorAccess.teamId, scope.teamIds)}
        and (${vendorAccess.endedAt} is null or ${vendorAccess.endedAt} > ${scope.endedAfter.toISOString()}::timestamptz))`,
      );
    }
  }
}

/**
 * A kind of scope member (a team it holds, a school…): its ids, and whether a ticket is of the member `id`. The
 * schools of a zone (twenty nationally) are read by one LATERAL sub-select planned once; the other kinds (a
 * member or three) one sub-select each, the id a constant the planner estimates (a team watching nothing).
 */
type MemberKind = { ids: string[]; holds: (id: SQL) => SQL; lateral?: true };

/**
 * The scope as its members, by kind, each member an index's constant: the teams' tickets (held, watched), the
 * schools' (the caller's, or of the caller's zones: looked up first), the caller's own (filed, taken on the phone).
 * Null when it has no members to take apart (everything; a vendor's escalations). A list over such a scope takes
 * each member's page from its own index and merges them: one newest-first walk over every ticket, filtering out
 * those of other zones, grows with the whole table (issue 19: a technician's zone is 0.5 % of the national volume).
 */
async function scopeMembers(db: Executor, scope: TicketScope): Promise<MemberKind[] | null> {
  if (scope.kind === "all" || scope.kind === "vendor") return null;
  const filer: MemberKind[] = [
    { ids: [scope.requesterId], holds: (id) => sql`${tickets.requesterId} = ${id}` },
    { ids: [scope.requesterId], holds: (id) => sql`${tickets.takenById} = ${id}` },
  ];
  const schools = (ids: string[]): MemberKind => ({ ids, holds: (id) => sql`${tickets.establishmentId} = ${id}`, lateral: true });
  if (scope.kind === "establishments") return [schools(scope.establishmentIds), ...filer];
  const zoneSchools = scope.zoneIds.length
    ? await db.select({ id: establishments.id }).from(establishments).where(inArray(establishments.zoneId, scope.zoneIds))
    : [];
  return [
    { ids: scope.teamIds, holds: (id) => sql`${tickets.assignedTeamId} = ${id}` },
    {
      ids: scope.teamIds,
      holds: (id) =>
        sql`${tickets.id} in (select ${ticketWatchers.ticketId} from ${ticketWatchers} where ${ticketWatchers.teamId} = ${id})`,
    },
    schools(zoneSchools.map((school) => school.id)),
    ...filer,
  ];
}

/** The deadline to resolve, undated tickets last: the `due_asc` sort's key and its indexes' (migration 0031). */
const DUE = sql`coalesce(${tickets.resolveBy}, 'infinity'::timestamptz)`;

/** Each sort's keys, the id last, all in one direction. */
const SORT_KEYS: Record<TicketSort, { keys: SQLWrapper[]; descending: boolean }> = {
  created_desc: { keys: [tickets.createdAt, tickets.id], descending: true },
  created_asc: { keys: [tickets.createdAt, tickets.id], descending: false },
  priority: { keys: [tickets.priority, tickets.createdAt, tickets.id], descending: false },
  updated_desc: { keys: [tickets.updatedAt, tickets.id], descending: true },
  due_asc: { keys: [DUE, tickets.id], descending: false },
};

/**
 * An instant to the microsecond, as the cursor carries it: a JavaScript Date keeps milliseconds, and a row written by
 * SQL's now() (a seed, an import, a test fixture) has microseconds, so a cursor made from the Date sorted before its
 * own row and the next page began with it again.
 */
function exactInstant(column: AnyPgColumn) {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** Each sort: its ORDER BY and the row comparison that continues after the cursor (one direction per sort). */
function ordering(sort: TicketSort, after: TicketCursor | undefined): { orderBy: SQL[]; after?: SQL } {
  const { keys, descending } = SORT_KEYS[sort];
  const orderBy = keys.map((key) => (descending ? desc(key) : asc(key)));
  switch (sort) {
    case "created_desc":
      return {
        orderBy,
        after: after && sql`(${tickets.createdAt}, ${tickets.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`,
      };
    case "created_asc":
      return {
        orderBy,
        after: after && sql`(${tickets.createdAt}, ${tickets.id}) > (${after.createdAt}::timestamptz, ${after.id}::uuid)`,
      };
    case "priority":
      return {
        orderBy,
        after:
          after &&
          sql`(${tickets.priority}, ${tickets.createdAt}, ${tickets.id}) > (${after.priority ?? "P1"}::priority, ${after.createdAt}::timestamptz, ${after.id}::uuid)`,
      };
    case "updated_desc":
      return {
        orderBy,
        after:
          after && sql`(${tickets.updatedAt}, ${tickets.id}) < (${after.updatedAt ?? after.createdAt}::timestamptz, ${after.id}::uuid)`,
      };
    case "due_asc":
      // Undated rows last, as if due at infinity: one row comparison continues after a dated or an undated row,
      // so the page is an index range (tickets_*_due_idx index the same expression), page 200 as cheap as page 1.
      return {
        orderBy,
        after:
          after &&
          sql`(${DUE}, ${tickets.id}) > (coalesce(${after.resolveBy ?? null}::timestamptz, 'infinity'::timestamptz), ${after.id}::uuid)`,
      };
  }
}

/** A keyset page of tickets within the caller's scope; text search is French and ignores accents. */
export async function listTickets(db: Executor, filters: TicketListFilters) {
  const sort = filters.sort ?? "created_desc";
  const order = ordering(sort, filters.after);
  const conditions: (SQL | undefined)[] = [order.after];
  if (filters.requesterId) conditions.push(eq(tickets.requesterId, filters.requesterId));
  // The school's id as a sub-select (a constant for the planner), not the join's UAI: the page then comes from
  // (establishment_id, created_at, id) in order instead of every ticket of the school sorted (issue 19).
  if (filters.establishmentUai)
    conditions.push(
      eq(
        tickets.establishmentId,
        sql`(select ${establishments.id} from ${establishments} where ${establishments.uai} = ${filters.establishmentUai})`,
      ),
    );
  // Zone and service as sub-selects too: conditions on the ticket's own columns, which each scope member's page
  // below applies without joining.
  if (filters.zoneCode)
    conditions.push(
      inArray(
        tickets.establishmentId,
        db
          .select({ id: establishments.id })
          .from(establishments)
          .innerJoin(zones, eq(zones.id, establishments.zoneId))
          .where(eq(zones.code, filters.zoneCode)),
      ),
    );
  if (filters.type) conditions.push(eq(tickets.type, filters.type));
  if (filters.status) conditions.push(eq(tickets.status, filters.status));
  if (filters.statuses) conditions.push(inArray(tickets.status, [...filters.statuses]));
  if (filters.priority) conditions.push(eq(tickets.priority, filters.priority));
  if (filters.slaStates) conditions.push(inArray(tickets.slaState, [...filters.slaStates]));
  if (filters.serviceCode)
    conditions.push(eq(tickets.serviceId, sql`(select ${services.id} from ${services} where ${services.code} = ${filters.serviceCode})`));
  if (filters.teamId) conditions.push(eq(tickets.assignedTeamId, filters.teamId));
  if (filters.waitingForTeamId) {
    conditions.push(
      sql`exists (select 1 from ${vendorAccess} where ${vendorAccess.ticketId} = ${tickets.id} and ${vendorAccess.teamId} = ${filters.waitingForTeamId} and ${vendorAccess.endedAt} is null)`,
    );
  }
  if (filters.assignee)
    conditions.push(filters.assignee === "none" ? isNull(tickets.assigneeId) : eq(tickets.assigneeId, filters.assignee));
  if (filters.ciId)
    conditions.push(
      sql`exists (select 1 from ${ticketCis} where ${ticketCis.ticketId} = ${tickets.id} and ${ticketCis.ciId} = ${filters.ciId})`,
    );
  if (filters.q) {
    conditions.push(
      or(sql`${tickets.search} @@ websearch_to_tsquery('fr_unaccent', ${filters.q})`, eq(tickets.reference, filters.q.toUpperCase())),
    );
  }

  // Narrowed to one constant already (a team, a school, an item, a filer, an assignee): the scope is a filter on that
  // index's rows. Whoever filed a ticket sees it in every scope: the filer's own tickets need no scope at all.
  const narrowed =
    filters.teamId ??
    filters.waitingForTeamId ??
    filters.establishmentUai ??
    filters.ciId ??
    (filters.assignee === "none" ? undefined : filters.assignee);
  const ownFiling = filters.scope.kind !== "all" && filters.requesterId === filters.scope.requesterId;
  const members = narrowed || ownFiling ? null : await scopeMembers(db, filters.scope);
  if (members) {
    // Each member's page (every filter, the cursor, the sort, limit + 1) from its own index with its sort keys; the
    // page is the first limit + 1 of them, merged on the keys alone, so only those rows are read whole and joined.
    // The schools' pages by one LATERAL sub-select (planning one sub-select per school of a zone cost more than
    // the reading). UNION, not UNION ALL: a ticket of two members (his team's, at a school of his zone) takes one place.
    const { keys, descending } = SORT_KEYS[sort];
    const sortColumns = keys.slice(0, -1).map((key, n) => sql`, ${key} as ${sql.identifier(`k${n}`)}`);
    const memberPage = (holds: SQL) =>
      sql`select ${tickets.id} as "id"${sql.join(sortColumns)} from ${tickets} where ${and(holds, ...conditions)}
        order by ${sql.join(order.orderBy, sql`, `)} limit ${filters.limit + 1}`;
    const pages = members.flatMap((kind) =>
      !kind.ids.length
        ? []
        : kind.lateral
          ? [
              sql`(select m.* from unnest(array[${sql.join(
                kind.ids.map((id) => sql`${id}`),
                sql`, `,
              )}]::uuid[]) as member(id) cross join lateral (${memberPage(kind.holds(sql`member.id`))}) as m)`,
            ]
          : kind.ids.map((id) => sql`(${memberPage(kind.holds(sql`${id}::uuid`))})`),
    );
    const direction = sql.raw(descending ? "desc" : "asc");
    const mergedOrder = sql.join(
      [...sortColumns.map((_, n) => sql`${sql.identifier(`k${n}`)} ${direction}`), sql`"id" ${direction}`],
      sql`, `,
    );
    // Only the merged ids: the filters again would make the planner expect a row or two and join them badly.
    conditions.splice(
      0,
      conditions.length,
      sql`${tickets.id} in (select "id" from (${sql.join(pages, sql` union `)}) as members order by ${mergedOrder} limit ${filters.limit + 1})`,
    );
  } else if (!ownFiling) conditions.push(scopeCondition(filters.scope));

  const rows = await db
    .select({
      id: tickets.id,
      reference: tickets.reference,
      type: tickets.type,
      status: tickets.status,
      priority: tickets.priority,
      title: tickets.title,
      flags: tickets.flags,
      createdAt: tickets.createdAt,
      updatedAt: tickets.updatedAt,
      assigneeId: tickets.assigneeId,
      establishment: { uai: establishments.uai, name: establishments.name, onboardingState: establishments.onboardingState },
      zone: { code: zones.code },
      service: { code: services.code, name: services.name },
      category: { code: categories.code, name: categories.name },
      assignedTeam: { code: teams.code, name: teams.name, party: teams.party },
      sla: {
        state: tickets.slaState,
        ownBy: tickets.ownBy,
        resolveBy: tickets.resolveBy,
        ownMet: tickets.ownMet,
        resolveMet: tickets.resolveMet,
      },
      cursorInstants: {
        createdAt: exactInstant(tickets.createdAt),
        updatedAt: exactInstant(tickets.updatedAt),
        resolveBy: sql<string | null>`${exactInstant(tickets.resolveBy)}`,
      },
    })
    .from(tickets)
    .innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
    .innerJoin(zones, eq(zones.id, establishments.zoneId))
    .innerJoin(services, eq(services.id, tickets.serviceId))
    .innerJoin(categories, eq(categories.id, tickets.categoryId))
    .leftJoin(teams, eq(teams.id, tickets.assignedTeamId))
    .where(and(...conditions))
    .orderBy(...order.orderBy)
    .limit(filters.limit + 1);

  const { items, next } = keysetPage(rows, filters.limit, (last) => ({
    createdAt: last.cursorInstants.createdAt,
    id: last.id,
    priority: last.priority,
    updatedAt: last.cursorInstants.updatedAt,
    resolveBy: last.cursorInstants.resolveBy,
  }));
  return {
    items: items.map(({ cursorInstants: _cursor, ...row }) => ({ ...row, assignedTeam: row.assignedTeam?.code ? row.assignedTeam : null })),
    next,
  };
}

export type TicketListItem = Awaited<ReturnType<typeof listTickets>>["items"][number];
