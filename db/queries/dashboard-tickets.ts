import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { keysetPage } from "./keyset-page";
import type { OpenGroup, ResolverParty, ScopeGroup, SlaStateValue, TicketLine, WeekGroup } from "@/lib/domain/dashboard";
import type { HistogramBin } from "@/lib/domain/dashboard-statistics";
import { OPEN_STATUSES } from "@/lib/domain/ticket-status";
import type { Party, Priority, TicketChannel, TicketStatus, TicketType } from "@/lib/domain/vocabulary";

/**
 * The dashboards' ticket figures, as grouped aggregates: each population (open now, opened in the
 * period, resolved in the period) is read once through an index that starts with the school
 * (tickets_open_establishment_idx, tickets_establishment_created_idx, tickets_establishment_resolved_idx),
 * school by school for a zone, and grouped several ways at once with GROUPING SETS. No row leaves
 * PostgreSQL that is not a count; durations come back as histograms (lib/domain/dashboard-statistics.ts).
 */

/** The schools a dashboard covers; a zone's or the Région's are listed, so every read stays on the per-school indexes. */
export type TicketScopeIds = readonly string[];
export type Instants = { start: Date; end: Date };
/** A period and the instants its weeks start (Monday 00:00 Paris, the first one on or before the start). */
export type WeeklyInstants = Instants & { weeks: ReadonlyArray<{ monday: string; start: Date }> };

/**
 * The week a timestamp falls in, as the 1-based index of `weeks`: a binary search over the weeks' starting
 * instants (width_bucket), where date_trunc('week', t AT TIME ZONE 'Europe/Paris') converted every row's
 * time zone (a third of a zone's school-year aggregate).
 */
const weekBucket = (column: SQL, weeks: WeeklyInstants["weeks"]): SQL =>
  sql`width_bucket(${column}, ${`{${weeks.map((week) => `"${week.start.toISOString()}"`).join(",")}}`}::timestamptz[])`;
const mondayOf = (weeks: WeeklyInstants["weeks"], bucket: number | null) => (bucket ? (weeks[bucket - 1]?.monday ?? null) : null);

/** OPEN_STATUSES as an SQL list; the same text as the partial index's predicate (migration 0008), so the planner matches them. */
export const OPEN_STATUS_LIST = sql.raw(OPEN_STATUSES.map((status) => `'${status}'`).join(", "));

/** A uuid[] parameter (drizzle would spread a JS array into a list of parameters). */
export const uuidArray = (ids: readonly string[]): SQL => sql`${`{${ids.join(",")}}`}::uuid[]`;

const rows = async <Row extends Record<string, unknown>>(db: Executor, query: SQL): Promise<Row[]> =>
  (await db.execute<Row>(query)).rows as Row[];

/**
 * A grouping-sets aggregate with room to hash every set in memory: at the default work_mem (4 MB) a
 * zone's school year is sorted on disk set after set (bench: 226 ms instead of about 60).
 */
async function aggregate<Row extends Record<string, unknown>>(db: Executor, query: SQL): Promise<Row[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL work_mem = '32MB'`);
    return (await tx.execute<Row>(query)).rows as Row[];
  });
}

/** Open tickets now, counted by status × priority × SLA state × party of the team, and by school × team. */
export async function openGroups(
  db: Executor,
  ids: TicketScopeIds,
): Promise<{ groups: OpenGroup[]; scope: Array<Pick<ScopeGroup, "establishmentId" | "teamId" | "backlog" | "breachedOpen">> }> {
  if (ids.length === 0) return { groups: [], scope: [] };
  const result = await rows<{
    by_school: number;
    status: TicketStatus;
    priority: Priority;
    sla_state: SlaStateValue | null;
    party: Party | null;
    establishment_id: string | null;
    assigned_team_id: string | null;
    count: number;
    breached: number;
  }>(
    db,
    sql`
    SELECT GROUPING(t.establishment_id, t.assigned_team_id) = 0 AS by_school, t.status, t.priority, t.sla_state, tm.party,
      t.establishment_id, t.assigned_team_id, count(*)::int AS count, count(*) FILTER (WHERE t.sla_state = 'breached')::int AS breached
    FROM tickets t LEFT JOIN teams tm ON tm.id = t.assigned_team_id
    WHERE t.establishment_id = ANY(${uuidArray(ids)}) AND t.status IN (${OPEN_STATUS_LIST})
    GROUP BY GROUPING SETS ((t.status, t.priority, t.sla_state, tm.party), (t.establishment_id, t.assigned_team_id))`,
  );
  return {
    groups: result
      .filter((row) => !row.by_school)
      .map((row) => ({ status: row.status, priority: row.priority, slaState: row.sla_state, party: row.party, count: row.count })),
    scope: result
      .filter((row) => row.by_school)
      .map((row) => ({
        establishmentId: row.establishment_id!,
        teamId: row.assigned_team_id,
        backlog: row.count,
        breachedOpen: row.breached,
      })),
  };
}

const LINE_COLUMNS = sql`t.reference, t.title, t.status, t.priority, t.type, t.created_at, t.sla_state, t.resolve_by, e.uai, e.name AS establishment_name, tm.code AS team_code, tm.name AS team_name`;
type LineRow = {
  reference: string;
  title: string;
  status: TicketStatus;
  priority: Priority;
  type: TicketType;
  created_at: Date | string;
  sla_state: SlaStateValue | null;
  resolve_by: Date | string | null;
  uai: string;
  establishment_name: string;
  team_code: string | null;
  team_name: string | null;
};
const iso = (value: Date | string) => new Date(value).toISOString();
const toLine = (row: LineRow): TicketLine => ({
  reference: row.reference,
  title: row.title,
  status: row.status,
  priority: row.priority,
  type: row.type,
  createdAt: iso(row.created_at),
  slaState: row.sla_state,
  resolveBy: row.resolve_by === null ? null : iso(row.resolve_by),
  establishment: { uai: row.uai, name: row.establishment_name },
  team: row.team_code ? { code: row.team_code, name: row.team_name! } : null,
});

/**
 * The oldest open tickets, and the open tickets at risk or breached, most urgent first: the ten are
 * picked from the open-tickets index alone, then their details read.
 */
export async function ticketLines(
  db: Executor,
  ids: TicketScopeIds,
  limit: number,
): Promise<{ oldest: TicketLine[]; alerts: TicketLine[] }> {
  if (ids.length === 0) return { oldest: [], alerts: [] };
  const open = sql`t.establishment_id = ANY(${uuidArray(ids)}) AND t.status IN (${OPEN_STATUS_LIST})`;
  const details = (picked: SQL, order: SQL) => sql`
    WITH picked AS (${picked})
    SELECT ${LINE_COLUMNS} FROM picked JOIN tickets t ON t.id = picked.id JOIN establishments e ON e.id = t.establishment_id
    LEFT JOIN teams tm ON tm.id = t.assigned_team_id ORDER BY ${order}`;
  const [oldest, alerts] = await Promise.all([
    rows<LineRow>(
      db,
      details(sql`SELECT t.id FROM tickets t WHERE ${open} ORDER BY t.created_at, t.id LIMIT ${limit}`, sql`t.created_at, t.id`),
    ),
    rows<LineRow>(
      db,
      details(
        sql`SELECT t.id FROM tickets t WHERE ${open} AND t.sla_state IN ('at_risk', 'breached') ORDER BY t.sla_state DESC, t.resolve_by NULLS LAST, t.id LIMIT ${limit}`,
        sql`t.sla_state DESC, t.resolve_by NULLS LAST, t.id`,
      ),
    ),
  ]);
  return { oldest: oldest.map(toLine), alerts: alerts.map(toLine) };
}

export type OpenedPopulation = {
  weeks: WeekGroup[];
  services: Array<{ serviceId: string; type: TicketType; count: number }>;
  scope: Array<Pick<ScopeGroup, "establishmentId" | "teamId" | "opened" | "ttoMet" | "ttoCounted">>;
  timeToOwn: HistogramBin[];
  ttoMet: number;
  ttoCounted: number;
};

/**
 * Tickets opened in the period, grouped by week × type, service × type, school × team, and by the
 * business minutes their time to take in charge used. TTO counts the tickets taken in charge (met or
 * not) and those still open past their deadline to take in charge.
 */
export async function openedPopulation(db: Executor, ids: TicketScopeIds, period: WeeklyInstants, now: Date): Promise<OpenedPopulation> {
  const empty: OpenedPopulation = { weeks: [], services: [], scope: [], timeToOwn: [], ttoMet: 0, ttoCounted: 0 };
  if (ids.length === 0) return empty;
  const result = await aggregate<{
    set: number;
    week: number | null;
    type: TicketType | null;
    service_id: string | null;
    establishment_id: string | null;
    assigned_team_id: string | null;
    minutes: number | null;
    count: number;
    met: number;
    counted: number;
  }>(
    db,
    sql`
    SELECT GROUPING(week, service_id, establishment_id, assigned_team_id, minutes) AS set, week, type, service_id, establishment_id, assigned_team_id, minutes,
      count(*)::int AS count, count(*) FILTER (WHERE met)::int AS met, count(*) FILTER (WHERE counted)::int AS counted
    FROM (
      SELECT ${weekBucket(sql`t.created_at`, period.weeks)} AS week, t.type, t.service_id, t.establishment_id, t.assigned_team_id,
        t.owned_minutes AS minutes, t.own_met AS met,
        (t.own_met IS NOT NULL OR (t.status IN (${OPEN_STATUS_LIST}) AND t.own_by < ${now.toISOString()}::timestamptz)) AS counted
      FROM tickets t
      WHERE t.establishment_id = ANY(${uuidArray(ids)}) AND t.created_at >= ${period.start.toISOString()}::timestamptz AND t.created_at < ${period.end.toISOString()}::timestamptz
    ) p
    GROUP BY GROUPING SETS ((week, type), (service_id, type), (establishment_id, assigned_team_id), (minutes))`,
  );
  // GROUPING(week, service_id, establishment_id, assigned_team_id, minutes): a bit per column left out, week the highest.
  const WEEK = 0b01111,
    SERVICE = 0b10111,
    SCOPE = 0b11001,
    MINUTES = 0b11110;
  const population = { ...empty };
  for (const row of result) {
    if (row.set === WEEK) population.weeks.push({ week: mondayOf(period.weeks, row.week) ?? "", type: row.type!, count: row.count });
    else if (row.set === SERVICE) population.services.push({ serviceId: row.service_id!, type: row.type!, count: row.count });
    else if (row.set === SCOPE) {
      population.scope.push({
        establishmentId: row.establishment_id!,
        teamId: row.assigned_team_id,
        opened: row.count,
        ttoMet: row.met,
        ttoCounted: row.counted,
      });
      population.ttoMet += row.met;
      population.ttoCounted += row.counted;
    } else if (row.set === MINUTES && row.minutes !== null) population.timeToOwn.push({ value: row.minutes, count: row.count });
  }
  return population;
}

export type ResolvedPopulation = {
  weeks: WeekGroup[];
  services: Array<{ serviceId: string; count: number }>;
  /** Per team, and whether the tickets had been sent to a vendor: who resolved them (lib/domain/dashboard.ts resolverParty). */
  resolvers: Array<{ teamId: string | null; vendored: boolean; count: number }>;
  scope: Array<Pick<ScopeGroup, "establishmentId" | "teamId" | "resolved" | "ttrMet" | "ttrCounted" | "ratingSum" | "ratings">>;
  timeToResolve: HistogramBin[];
  ttrMet: number;
  ttrCounted: number;
  ratingSum: number;
  ratings: number;
};

/**
 * Tickets resolved in the period (resolved or closed since), grouped by week × type, service, school ×
 * team × sent to a vendor, and by the business minutes their time to resolve used; with the ratings
 * their requesters gave.
 */
export async function resolvedPopulation(db: Executor, ids: TicketScopeIds, period: WeeklyInstants): Promise<ResolvedPopulation> {
  const empty: ResolvedPopulation = {
    weeks: [],
    services: [],
    resolvers: [],
    scope: [],
    timeToResolve: [],
    ttrMet: 0,
    ttrCounted: 0,
    ratingSum: 0,
    ratings: 0,
  };
  if (ids.length === 0) return empty;
  // The ratings are joined in a query of their own, which runs beside this one on another connection.
  const [result, rated] = await Promise.all([
    aggregate<{
      set: number;
      week: number | null;
      type: TicketType | null;
      service_id: string | null;
      establishment_id: string | null;
      assigned_team_id: string | null;
      vendored: boolean | null;
      minutes: number | null;
      count: number;
      met: number;
      counted: number;
    }>(
      db,
      sql`
    SELECT GROUPING(week, service_id, establishment_id, assigned_team_id, vendored, minutes) AS set, week, type, service_id,
      establishment_id, assigned_team_id, vendored, minutes,
      count(*)::int AS count, count(*) FILTER (WHERE met)::int AS met, count(met)::int AS counted
    FROM (
      SELECT ${weekBucket(sql`t.resolved_at`, period.weeks)} AS week, t.type, t.service_id, t.establishment_id, t.assigned_team_id,
        t.vendor_id IS NOT NULL AS vendored, t.resolved_minutes AS minutes, t.resolve_met AS met
      FROM tickets t
      WHERE t.establishment_id = ANY(${uuidArray(ids)}) AND t.resolved_at >= ${period.start.toISOString()}::timestamptz
        AND t.resolved_at < ${period.end.toISOString()}::timestamptz AND t.status IN ('resolved', 'closed')
    ) p
    GROUP BY GROUPING SETS ((week, type), (service_id), (establishment_id, assigned_team_id, vendored), (minutes))`,
    ),
    rows<{ establishment_id: string; assigned_team_id: string | null; rating_sum: number; ratings: number }>(
      db,
      sql`
    SELECT t.establishment_id, t.assigned_team_id, sum(r.score)::int AS rating_sum, count(*)::int AS ratings
    FROM tickets t JOIN ticket_ratings r ON r.ticket_id = t.id
    WHERE t.establishment_id = ANY(${uuidArray(ids)}) AND t.resolved_at >= ${period.start.toISOString()}::timestamptz
      AND t.resolved_at < ${period.end.toISOString()}::timestamptz AND t.status IN ('resolved', 'closed')
    GROUP BY 1, 2`,
    ),
  ]);
  // GROUPING(week, service_id, establishment_id, assigned_team_id, vendored, minutes): a bit per column left out, week the highest.
  const WEEK = 0b011111,
    SERVICE = 0b101111,
    SCOPE = 0b110001,
    MINUTES = 0b111110;
  const population = { ...empty };
  const scope = new Map<string, ResolvedPopulation["scope"][number]>();
  for (const row of result) {
    if (row.set === WEEK) population.weeks.push({ week: mondayOf(period.weeks, row.week) ?? "", type: row.type!, count: row.count });
    else if (row.set === SERVICE) population.services.push({ serviceId: row.service_id!, count: row.count });
    else if (row.set === SCOPE) {
      population.resolvers.push({ teamId: row.assigned_team_id, vendored: row.vendored!, count: row.count });
      const key = `${row.establishment_id}|${row.assigned_team_id ?? ""}`;
      const group = scope.get(key) ?? {
        establishmentId: row.establishment_id!,
        teamId: row.assigned_team_id,
        resolved: 0,
        ttrMet: 0,
        ttrCounted: 0,
        ratingSum: 0,
        ratings: 0,
      };
      group.resolved += row.count;
      group.ttrMet += row.met;
      group.ttrCounted += row.counted;
      scope.set(key, group);
      population.ttrMet += row.met;
      population.ttrCounted += row.counted;
    } else if (row.set === MINUTES && row.minutes !== null) population.timeToResolve.push({ value: row.minutes, count: row.count });
  }
  for (const row of rated) {
    const key = `${row.establishment_id}|${row.assigned_team_id ?? ""}`;
    const group = scope.get(key) ?? {
      establishmentId: row.establishment_id,
      teamId: row.assigned_team_id,
      resolved: 0,
      ttrMet: 0,
      ttrCounted: 0,
      ratingSum: 0,
      ratings: 0,
    };
    group.ratingSum += row.rating_sum;
    group.ratings += row.ratings;
    scope.set(key, group);
    population.ratingSum += row.rating_sum;
    population.ratings += row.ratings;
  }
  population.scope = [...scope.values()];
  return population;
}

/** The latest comments left with a rating, on tickets resolved in the period. */
export async function latestRatingComments(db: Executor, ids: TicketScopeIds, period: Instants, limit: number) {
  if (ids.length === 0) return [];
  const result = await rows<{ reference: string; score: number; comment: string; created_at: Date | string }>(
    db,
    sql`
    SELECT t.reference, r.score, r.comment, r.created_at
    FROM tickets t JOIN ticket_ratings r ON r.ticket_id = t.id
    WHERE t.establishment_id = ANY(${uuidArray(ids)}) AND t.resolved_at >= ${period.start.toISOString()}::timestamptz
      AND t.resolved_at < ${period.end.toISOString()}::timestamptz AND t.status IN ('resolved', 'closed') AND r.comment IS NOT NULL AND r.comment <> ''
    ORDER BY r.created_at DESC, t.reference DESC LIMIT ${limit}`,
  );
  return result.map((row) => ({ reference: row.reference, score: row.score, comment: row.comment, ratedAt: iso(row.created_at) }));
}

/**
 * Each vendor's waits that began in the period, on the scope's tickets: how many ended by the
 * vendor's agreed repair time, and how many still run past it.
 */
export async function vendorCompliance(db: Executor, ids: TicketScopeIds, period: Instants, now: Date) {
  if (ids.length === 0) return [];
  return rows<{ name: string; waits: number; ended: number; on_time: number; late_open: number }>(
    db,
    sql`
    SELECT v.name, count(*)::int AS waits, count(*) FILTER (WHERE w.ended_at IS NOT NULL AND w.due_at IS NOT NULL)::int AS ended,
      count(*) FILTER (WHERE w.ended_at <= w.due_at)::int AS on_time,
      count(*) FILTER (WHERE w.ended_at IS NULL AND w.due_at < ${now.toISOString()}::timestamptz)::int AS late_open
    FROM vendor_waits w JOIN tickets t ON t.id = w.ticket_id JOIN vendors v ON v.id = w.vendor_id
    WHERE t.establishment_id = ANY(${uuidArray(ids)}) AND w.since >= ${period.start.toISOString()}::timestamptz AND w.since < ${period.end.toISOString()}::timestamptz
    GROUP BY v.name ORDER BY v.name`,
  );
}

/** How many members each team has (tickets per technician). */
export async function teamMemberCounts(db: Executor): Promise<Map<string, number>> {
  const result = await rows<{ team_id: string; members: number }>(
    db,
    sql`SELECT team_id, count(*)::int AS members FROM team_members GROUP BY team_id`,
  );
  return new Map(result.map((row) => [row.team_id, row.members]));
}

export type DrillDownFilters = {
  ids: TicketScopeIds;
  open?: boolean;
  opened?: Instants;
  resolved?: Instants;
  status?: TicketStatus;
  priority?: Priority;
  sla?: "at_risk" | "breached" | "alert";
  type?: TicketType;
  serviceCode?: string;
  party?: ResolverParty;
  teamCode?: string;
  ownQueue?: boolean;
  /** An intervention started in these instants, by `technician`, on site: any of the three asks for one. */
  intervened?: Instants;
  technician?: string;
  onSite?: boolean;
  after?: { createdAt: string; id: string };
  limit: number;
};

/** The tickets behind a dashboard's figure, with the figure's own conditions; newest first, keyset-paginated. */
export async function drillDownTickets(
  db: Executor,
  filters: DrillDownFilters,
): Promise<{ items: TicketLine[]; next: { createdAt: string; id: string } | null }> {
  if (filters.ids.length === 0) return { items: [], next: null };
  const where: SQL[] = [sql`t.establishment_id = ANY(${uuidArray(filters.ids)})`];
  if (filters.open) where.push(sql`t.status IN (${OPEN_STATUS_LIST})`);
  if (filters.opened)
    where.push(
      sql`t.created_at >= ${filters.opened.start.toISOString()}::timestamptz AND t.created_at < ${filters.opened.end.toISOString()}::timestamptz`,
    );
  if (filters.resolved) {
    where.push(
      sql`t.resolved_at >= ${filters.resolved.start.toISOString()}::timestamptz AND t.resolved_at < ${filters.resolved.end.toISOString()}::timestamptz AND t.status IN ('resolved', 'closed')`,
    );
  }
  if (filters.status) where.push(sql`t.status = ${filters.status}::ticket_status`);
  if (filters.priority) where.push(sql`t.priority = ${filters.priority}::priority`);
  if (filters.sla === "alert") where.push(sql`t.sla_state IN ('at_risk', 'breached')`);
  else if (filters.sla) where.push(sql`t.sla_state = ${filters.sla}`);
  if (filters.type) where.push(sql`t.type = ${filters.type}::ticket_type`);
  if (filters.serviceCode) where.push(sql`t.service_id = (SELECT id FROM services WHERE code = ${filters.serviceCode})`);
  if (filters.party)
    where.push(sql`(CASE WHEN t.vendor_id IS NOT NULL THEN 'vendor' ELSE coalesce(tm.party::text, 'none') END) = ${filters.party}`);
  if (filters.teamCode) where.push(sql`tm.code = ${filters.teamCode}`);
  if (filters.ownQueue) where.push(sql`tm.party = 'school'`);
  if (filters.intervened || filters.technician || filters.onSite) {
    const conditions = [sql`i.ticket_id = t.id`];
    if (filters.intervened)
      conditions.push(
        sql`i.started_at >= ${filters.intervened.start.toISOString()}::timestamptz AND i.started_at < ${filters.intervened.end.toISOString()}::timestamptz`,
      );
    if (filters.technician) conditions.push(sql`i.author_id = ${filters.technician}::uuid`);
    if (filters.onSite) conditions.push(sql`i.mode = 'on_site'`);
    where.push(sql`EXISTS (SELECT 1 FROM interventions i WHERE ${sql.join(conditions, sql` AND `)})`);
  }
  if (filters.after) where.push(sql`(t.created_at, t.id) < (${filters.after.createdAt}::timestamptz, ${filters.after.id}::uuid)`);
  const result = await rows<LineRow & { id: string }>(
    db,
    sql`
    SELECT t.id, ${LINE_COLUMNS}
    FROM tickets t JOIN establishments e ON e.id = t.establishment_id LEFT JOIN teams tm ON tm.id = t.assigned_team_id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY t.created_at DESC, t.id DESC LIMIT ${filters.limit + 1}`,
  );
  const { items, next } = keysetPage(result, filters.limit, (last) => ({ createdAt: iso(last.created_at), id: last.id }));
  return { items: items.map(toLine), next };
}

/** Tickets opened in the period by channel (portal, mail, phone, API): the schools' own filing against the desk's. */
export async function openedByChannel(
  db: Executor,
  ids: TicketScopeIds,
  period: Instants,
): Promise<Array<{ channel: TicketChannel; count: number }>> {
  if (ids.length === 0) return [];
  return aggregate<{ channel: TicketChannel; count: number }>(
    db,
    sql`
    SELECT t.channel, count(*)::int AS count
    FROM tickets t
    WHERE t.establishment_id = ANY(${uuidArray(ids)}) AND t.created_at >= ${period.start.toISOString()}::timestamptz AND t.created_at < ${period.end.toISOString()}::timestamptz
    GROUP BY t.channel`,
  );
}
