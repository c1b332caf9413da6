/**
 * What a dashboard shows, and how the figures are folded from the database's grouped rows. Pure:
 * the queries group and count (db/queries/dashboard-*.ts), these functions name, fill the gaps
 * (every status, priority and week present, zeros included) and divide.
 *
 * Definitions (each page's tooltips say them in French):
 * - open: new, assigned, in progress, waiting for the requester or a vendor, now;
 * - opened in the period: created in it; resolved in the period: resolved in it (a closed ticket keeps its resolution time);
 * - time to take in charge (TTO): business minutes until a technician took the ticket or answered it, over the tickets
 *   opened in the period whose clock stopped; time to resolve (TTR): business minutes until resolution, over the tickets
 *   resolved in the period; both stop while the ticket waits for its requester (lib/domain/sla.ts);
 * - TTO compliance: opened in the period, taken in charge in time ÷ (taken in charge, or still open past the deadline);
 *   TTR compliance: resolved in the period in time ÷ resolved in the period with a commitment;
 * - who resolved: the party of the team holding the ticket when resolved, a vendor when it was escalated to one.
 */
import type { TimeSpent } from "./interventions";
import { share, type DurationFigures } from "./dashboard-statistics";
import type { Period } from "./dashboard-period";
import { OPEN_STATUSES } from "./ticket-status";
import {
  CI_CLASSES,
  CI_STATUSES,
  PRIORITIES,
  TICKET_CHANNELS,
  type CiClass,
  type CiStatus,
  type Party,
  type Priority,
  type TicketChannel,
  type TicketStatus,
  type TicketType,
} from "./vocabulary";

export type OpenStatus = (typeof OPEN_STATUSES)[number];
export type SlaStateValue = "ok" | "at_risk" | "breached";

/** One group of open tickets as the database counts them. */
export type OpenGroup = { status: TicketStatus; priority: Priority; slaState: SlaStateValue | null; party: Party | null; count: number };

export type OpenFigures = {
  total: number;
  byStatus: Record<string, number>;
  byPriority: Record<Priority, number>;
  atRisk: number;
  breached: number;
  /** What waits for the school itself: tickets in its own queue, tickets waiting for its answer. */
  waitingForSchool: { ownQueue: number; waitingRequester: number };
};

export function openFigures(groups: readonly OpenGroup[]): OpenFigures {
  const byStatus = Object.fromEntries(OPEN_STATUSES.map((status) => [status, 0])) as Record<string, number>;
  const byPriority = Object.fromEntries(PRIORITIES.map((priority) => [priority, 0])) as Record<Priority, number>;
  const figures: OpenFigures = {
    total: 0,
    byStatus,
    byPriority,
    atRisk: 0,
    breached: 0,
    waitingForSchool: { ownQueue: 0, waitingRequester: 0 },
  };
  for (const group of groups) {
    if (!(OPEN_STATUSES as readonly string[]).includes(group.status)) continue;
    figures.total += group.count;
    byStatus[group.status] = (byStatus[group.status] ?? 0) + group.count;
    byPriority[group.priority] += group.count;
    if (group.slaState === "at_risk") figures.atRisk += group.count;
    if (group.slaState === "breached") figures.breached += group.count;
    if (group.party === "school") figures.waitingForSchool.ownQueue += group.count;
    if (group.status === "waiting_requester") figures.waitingForSchool.waitingRequester += group.count;
  }
  return figures;
}

/** Tickets opened or resolved in one week, as grouped by the database. */
export type WeekGroup = { week: string; type: TicketType; count: number };
export type WeekFlow = {
  week: string;
  openedIncidents: number;
  openedRequests: number;
  resolvedIncidents: number;
  resolvedRequests: number;
};

/** One row per week of the period (Monday), zeros where nothing happened. */
export function weeklyFlows(weeks: readonly string[], opened: readonly WeekGroup[], resolved: readonly WeekGroup[]): WeekFlow[] {
  const rows = new Map(
    weeks.map((week) => [week, { week, openedIncidents: 0, openedRequests: 0, resolvedIncidents: 0, resolvedRequests: 0 }]),
  );
  for (const group of opened) {
    const row = rows.get(group.week);
    if (row) row[group.type === "incident" ? "openedIncidents" : "openedRequests"] += group.count;
  }
  for (const group of resolved) {
    const row = rows.get(group.week);
    if (row) row[group.type === "incident" ? "resolvedIncidents" : "resolvedRequests"] += group.count;
  }
  return [...rows.values()];
}

export type TypeSplit = { total: number; incidents: number; requests: number };

export function typeSplit(groups: ReadonlyArray<{ type: TicketType; count: number }>): TypeSplit {
  const incidents = groups.filter((group) => group.type === "incident").reduce((sum, group) => sum + group.count, 0);
  const requests = groups.filter((group) => group.type === "request").reduce((sum, group) => sum + group.count, 0);
  return { total: incidents + requests, incidents, requests };
}

/** Tickets of one service in the period. */
export type ServiceFlow = {
  code: string;
  name: string;
  openedIncidents: number;
  openedRequests: number;
  resolved: number;
  /** Filing attempts an article ended without a ticket ("Cela a résolu mon problème"). */
  deflected: number;
};

/** Tickets filed beside the filing attempts an article ended without a ticket, for a service or a school. */
export type DeflectionRow = { key: string; label: string; opened: number; deflected: number };

/** Who resolved: "none" for a ticket resolved before any team held it. */
export const RESOLVER_PARTIES = ["school", "region", "academy", "vendor", "none"] as const;
export type ResolverParty = (typeof RESOLVER_PARTIES)[number];
export type ResolverShare = { party: ResolverParty; count: number; share: number | null };

/** Who resolved a ticket: a vendor when it had been sent to one, else the party of the team holding it ("none" without a team). */
export function resolverParty(vendored: boolean, teamParty: Party | null): ResolverParty {
  return vendored ? "vendor" : (teamParty ?? "none");
}

export function resolverShares(groups: ReadonlyArray<{ party: ResolverParty; count: number }>): ResolverShare[] {
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  return RESOLVER_PARTIES.map((party) => {
    const count = groups.filter((group) => group.party === party).reduce((sum, group) => sum + group.count, 0);
    return { party, count, share: share(count, total) };
  }).filter((row) => row.party !== "none" || row.count > 0);
}

/** Tickets opened in the period by how they came in (issue 18): every channel, even at zero, so the four always show. */
export type ChannelShare = { channel: TicketChannel; count: number; share: number | null };

export function channelShares(groups: ReadonlyArray<{ channel: TicketChannel; count: number }>): ChannelShare[] {
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  return TICKET_CHANNELS.map((channel) => {
    const count = groups.filter((group) => group.channel === channel).reduce((sum, group) => sum + group.count, 0);
    return { channel, count, share: share(count, total) };
  });
}

/** The SLA outcome counts of a population, as the database counts them. */
export type ComplianceCounts = { ttoMet: number; ttoCounted: number; ttrMet: number; ttrCounted: number };
export type Compliance = ComplianceCounts & { ttoCompliance: number | null; ttrCompliance: number | null };

export function compliance(counts: ComplianceCounts): Compliance {
  return { ...counts, ttoCompliance: share(counts.ttoMet, counts.ttoCounted), ttrCompliance: share(counts.ttrMet, counts.ttrCounted) };
}

/** A ticket in one of the dashboard's short lists (oldest open, at risk or breached). */
export type TicketLine = {
  reference: string;
  title: string;
  status: TicketStatus;
  priority: Priority;
  type: TicketType;
  createdAt: string;
  slaState: SlaStateValue | null;
  resolveBy: string | null;
  establishment: { uai: string; name: string };
  team: { code: string; name: string } | null;
};

export type RatingComment = { reference: string; score: number; comment: string; ratedAt: string };
export type Satisfaction = { average: number | null; count: number; comments: RatingComment[] };

export type AgeBand = { years: string; count: number };

export type EquipmentFigures = {
  total: number;
  byClass: Array<{ class: CiClass; count: number }>;
  byStatus: Array<{ status: CiStatus; count: number }>;
  /** Items in service (not disposed) per whole year of age; "unknown" when no date was recorded. */
  ageBands: AgeBand[];
  /** Among items in service whose warranty is known: how many are past it. */
  outOfWarranty: { count: number; known: number; share: number | null };
  renewalCandidates: number;
  mixedRooms: Array<{ building: string | null; room: string; models: number; total: number }>;
  mostIncidents: Array<{ id: string; name: string; class: CiClass; room: string | null; establishmentUai: string; incidents: number }>;
};

/** Classes and statuses in the vocabulary's order, without the empty ones. */
export function orderedClassCounts(counts: ReadonlyMap<CiClass, number>): Array<{ class: CiClass; count: number }> {
  return CI_CLASSES.filter((ciClass) => (counts.get(ciClass) ?? 0) > 0).map((ciClass) => ({ class: ciClass, count: counts.get(ciClass)! }));
}

export function orderedStatusCounts(counts: ReadonlyMap<CiStatus, number>): Array<{ status: CiStatus; count: number }> {
  return CI_STATUSES.filter((status) => (counts.get(status) ?? 0) > 0).map((status) => ({ status, count: counts.get(status)! }));
}

/** Age bands up to `openEnded` years, the last one open ("10+"), then the unknown ones. */
export function ageBands(ages: ReadonlyMap<number | null, number>, openEnded = 10): AgeBand[] {
  const bands = new Map<string, number>();
  for (let year = 0; year < openEnded; year++) bands.set(String(year), 0);
  bands.set(`${openEnded}+`, 0);
  let unknown = 0;
  for (const [age, count] of ages) {
    if (age === null) unknown += count;
    else {
      const key = age >= openEnded ? `${openEnded}+` : String(Math.max(0, age));
      bands.set(key, bands.get(key)! + count);
    }
  }
  const rows = [...bands].map(([years, count]) => ({ years, count }));
  return unknown > 0 ? [...rows, { years: "unknown", count: unknown }] : rows;
}

/**
 * Time spent by interventions started in the period (issue 14): per school, per technician (who recorded
 * them) and per month (Paris), and the on-site visits (seed 002's load indicator).
 */
export type TimeFigures = {
  total: TimeSpent;
  bySchool: Array<TimeSpent & { uai: string; name: string }>;
  byTechnician: Array<TimeSpent & { id: string; name: string }>;
  byMonth: Array<TimeSpent & { month: string }>;
};

export type EstablishmentDashboard = {
  establishment: { uai: string; name: string; type: string; city: string; zone: { code: string; name: string } };
  period: Period;
  /** When the figures were computed (ISO): "now" for the open tickets. */
  computedAt: string;
  open: OpenFigures;
  oldestOpen: TicketLine[];
  slaAlerts: TicketLine[];
  opened: TypeSplit;
  resolved: TypeSplit;
  weeks: WeekFlow[];
  byService: ServiceFlow[];
  timeToOwn: DurationFigures;
  timeToResolve: DurationFigures;
  sla: Compliance & { breachedOpen: number; atRiskOpen: number };
  satisfaction: Satisfaction;
  resolvedBy: ResolverShare[];
  byChannel: ChannelShare[];
  time: TimeFigures;
  equipment: EquipmentFigures;
};

/** One row of the regional tables (a zone, a team or a school): the same columns, so any of them sorts the same way. */
export type RegionalRow = {
  key: string;
  label: string;
  backlog: number;
  breachedOpen: number;
  opened: number;
  resolved: number;
  ttoCompliance: number | null;
  ttrCompliance: number | null;
  satisfaction: number | null;
  ratings: number;
};

export type TeamRow = RegionalRow & { party: Party; members: number; openPerMember: number | null; resolvedPerMember: number | null };
export type VendorRow = { name: string; waits: number; ended: number; onTime: number; lateOpen: number; compliance: number | null };

export type RegionalDashboard = {
  scope: { kind: "zone"; code: string; name: string } | { kind: "all" };
  period: Period;
  computedAt: string;
  open: OpenFigures;
  opened: TypeSplit;
  resolved: TypeSplit;
  weeks: WeekFlow[];
  timeToOwn: DurationFigures;
  timeToResolve: DurationFigures;
  sla: Compliance & { breachedOpen: number; atRiskOpen: number };
  satisfaction: { average: number | null; count: number };
  byChannel: ChannelShare[];
  zones: RegionalRow[];
  teams: TeamRow[];
  establishments: RegionalRow[];
  vendors: VendorRow[];
  deflections: { byService: DeflectionRow[]; byEstablishment: DeflectionRow[] };
  time: TimeFigures;
  equipment: EquipmentFigures;
};

/** Per (school, team) counts of the four populations, as the database groups them; the regional tables fold them. */
export type ScopeGroup = {
  establishmentId: string;
  teamId: string | null;
  backlog: number;
  breachedOpen: number;
  opened: number;
  resolved: number;
  ttoMet: number;
  ttoCounted: number;
  ttrMet: number;
  ttrCounted: number;
  ratingSum: number;
  ratings: number;
};

type Totals = Omit<ScopeGroup, "establishmentId" | "teamId">;
const ZERO: Totals = {
  backlog: 0,
  breachedOpen: 0,
  opened: 0,
  resolved: 0,
  ttoMet: 0,
  ttoCounted: 0,
  ttrMet: 0,
  ttrCounted: 0,
  ratingSum: 0,
  ratings: 0,
};

function add(into: Totals, group: Totals): void {
  for (const key of Object.keys(ZERO) as (keyof Totals)[]) into[key] += group[key];
}

function row(key: string, label: string, totals: Totals): RegionalRow {
  return {
    key,
    label,
    backlog: totals.backlog,
    breachedOpen: totals.breachedOpen,
    opened: totals.opened,
    resolved: totals.resolved,
    ttoCompliance: share(totals.ttoMet, totals.ttoCounted),
    ttrCompliance: share(totals.ttrMet, totals.ttrCounted),
    satisfaction: totals.ratings > 0 ? Math.round((totals.ratingSum / totals.ratings) * 100) / 100 : null,
    ratings: totals.ratings,
  };
}

/** Folds (school, team) groups into one row per key the `keyOf` gives; every key of `labels` gets a row, zeros included. */
export function foldRows(
  groups: readonly ScopeGroup[],
  keyOf: (group: ScopeGroup) => string | null,
  labels: ReadonlyMap<string, string>,
): RegionalRow[] {
  const totals = new Map([...labels.keys()].map((key) => [key, { ...ZERO }]));
  for (const group of groups) {
    const key = keyOf(group);
    if (key === null) continue;
    const into = totals.get(key);
    if (into) add(into, group);
  }
  return [...totals].map(([key, sums]) => row(key, labels.get(key)!, sums));
}

/** Team rows with their members: open tickets and tickets resolved in the period per member. */
export function teamRows(
  groups: readonly ScopeGroup[],
  teams: ReadonlyArray<{ id: string; code: string; name: string; party: Party; members: number }>,
): TeamRow[] {
  const rows = foldRows(groups, (group) => group.teamId, new Map(teams.map((team) => [team.id, team.name])));
  const byId = new Map(teams.map((team) => [team.id, team]));
  return rows
    .filter((teamRow) => teamRow.backlog + teamRow.opened + teamRow.resolved > 0)
    .map((teamRow) => {
      const team = byId.get(teamRow.key)!;
      return {
        ...teamRow,
        key: team.code,
        party: team.party,
        members: team.members,
        openPerMember: team.members > 0 ? Math.round((teamRow.backlog / team.members) * 10) / 10 : null,
        resolvedPerMember: team.members > 0 ? Math.round((teamRow.resolved / team.members) * 10) / 10 : null,
      };
    });
}

export const REGIONAL_SORT_KEYS = [
  "label",
  "backlog",
  "breachedOpen",
  "opened",
  "resolved",
  "ttoCompliance",
  "ttrCompliance",
  "satisfaction",
] as const;
export type RegionalSortKey = (typeof REGIONAL_SORT_KEYS)[number];

/** Sorts rows by a column; nulls (no figure) always last, ties by label. */
export function sortRows<Row extends RegionalRow>(rows: readonly Row[], key: RegionalSortKey, direction: "asc" | "desc"): Row[] {
  const sign = direction === "asc" ? 1 : -1;
  return rows.toSorted((a, b) => {
    if (key === "label") return sign * a.label.localeCompare(b.label, "fr");
    const x = a[key];
    const y = b[key];
    if (x === null && y === null) return a.label.localeCompare(b.label, "fr");
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * (x - y) || a.label.localeCompare(b.label, "fr");
  });
}
