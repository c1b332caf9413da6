/**
 * Every table of the dashboards, defined once: the pages render these specs as HTML tables and the
 * CSV export writes the same rows, so "export this table" gives exactly what is on screen (numbers
 * as numbers, shares in percent). Pure: labels come through `t`, addresses through `links`.
 */
import type {
  ChannelShare,
  EstablishmentDashboard,
  RegionalDashboard,
  RegionalRow,
  TicketLine,
  TeamRow,
  TimeFigures,
} from "../domain/dashboard";
import type { TimeSpent } from "../domain/interventions";
import { formatBusinessMinutes } from "../domain/dashboard-statistics";
import { OPEN_STATUSES } from "../domain/ticket-status";
import { PRIORITIES } from "../domain/vocabulary";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A cell: its value (what CSV writes and what sorts), the text shown when it differs, and where it leads. */
export type Cell = { value: string | number | null; text?: string; href?: string | null };
export type Column = { key: string; label: string; numeric?: boolean };
export type TableSpec = {
  id: string;
  title: string;
  hint?: string;
  columns: Column[];
  rows: Cell[][];
  /** How many rows the table has when the page shows only its first ones (regionalPageRows); the CSV export has them all. */
  total?: number;
};

export const REGIONAL_PAGE_ROWS = 50;

/**
 * The regional view as the page shows it: the lists with a row per zone, school, team or technician cut to their first
 * {@link REGIONAL_PAGE_ROWS} rows in the table's order (`schools` already sorted as asked: the schools' table sorts by
 * any column first), and how many rows each of those tables has (`totals`, by table id; set on the specs by
 * {@link withTotals}). Over every school nationally (2,001 schools, as many school teams) the whole tables made a page
 * of tens of megabytes, seconds to build and render; their CSV exports keep every row.
 */
export function regionalPageRows(
  d: RegionalDashboard,
  schools: readonly RegionalRow[],
  max = REGIONAL_PAGE_ROWS,
): { dashboard: RegionalDashboard; schools: RegionalRow[]; totals: Record<string, number> } {
  const lists = {
    zones: d.zones,
    establishments: schools,
    teams: d.teams,
    "deflections-establishments": d.deflections.byEstablishment,
    "time-schools": d.time.bySchool,
    "time-technicians": d.time.byTechnician,
  };
  const totals = Object.fromEntries(Object.entries(lists).flatMap(([id, rows]) => (rows.length > max ? [[id, rows.length]] : [])));
  return {
    dashboard: {
      ...d,
      zones: d.zones.slice(0, max),
      teams: d.teams.slice(0, max),
      deflections: { ...d.deflections, byEstablishment: d.deflections.byEstablishment.slice(0, max) },
      time: { ...d.time, bySchool: d.time.bySchool.slice(0, max), byTechnician: d.time.byTechnician.slice(0, max) },
    },
    schools: schools.slice(0, max),
    totals,
  };
}

/** The specs with the number of rows of the tables the page cut (regionalPageRows' `totals`). */
export function withTotals(tables: readonly TableSpec[], totals: Readonly<Record<string, number>>): TableSpec[] {
  return tables.map((spec) => (totals[spec.id] === undefined ? spec : { ...spec, total: totals[spec.id] }));
}

export type DashboardLinks = {
  /** The list behind a ticket figure: filters added to the dashboard's own scope and period. */
  drill: (filters: Record<string, string>) => string;
  ticket: (reference: string) => string;
  /** The inventory's filtered list (issue 6); null for a reader who cannot open it. */
  inventory: (filters: Record<string, string>) => string | null;
  ci: (id: string) => string | null;
  school: (uai: string) => string;
};

export type Formats = { locale: string; now: Date };

const cell = (value: string | number | null, text?: string, href?: string | null): Cell => ({
  value,
  ...(text !== undefined ? { text } : {}),
  ...(href ? { href } : {}),
});

export function percent(value: number | null, locale: string): string {
  return value === null ? "–" : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(value);
}

/** A share as a cell: 0.8235 shows "82 %", exports 82.35 (percent, two decimals) so a spreadsheet sums and sorts it. */
export const shareCell = (value: number | null, locale: string): Cell =>
  cell(value === null ? null : Math.round(value * 10_000) / 100, percent(value, locale));

export function day(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: "Europe/Paris", dateStyle: "short" }).format(new Date(iso));
}

export function timeOfDay(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: "Europe/Paris", timeStyle: "short" }).format(new Date(iso));
}

export function dateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" }).format(new Date(iso));
}

const number = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);
const count = (value: number, locale: string, href?: string | null) => cell(value, number(value, locale), href);

function lineTable(
  id: string,
  title: string,
  lines: readonly TicketLine[],
  t: Translate,
  links: DashboardLinks,
  formats: Formats,
  withSchool: boolean,
): TableSpec {
  const columns: Column[] = [
    { key: "reference", label: t("columns.reference") },
    { key: "title", label: t("columns.title") },
    ...(withSchool ? [{ key: "establishment", label: t("columns.establishment") }] : []),
    { key: "status", label: t("columns.status") },
    { key: "priority", label: t("columns.priority") },
    { key: "createdAt", label: t("columns.createdAt") },
    { key: "age", label: t("columns.age"), numeric: true },
    { key: "sla", label: t("columns.sla") },
    { key: "team", label: t("columns.team") },
  ];
  return {
    id,
    title,
    columns,
    rows: lines.map((line) => [
      cell(line.reference, undefined, links.ticket(line.reference)),
      cell(line.title),
      ...(withSchool ? [cell(line.establishment.uai, line.establishment.name, links.school(line.establishment.uai))] : []),
      cell(line.status, t(`statuses.${line.status}`)),
      cell(line.priority),
      cell(line.createdAt, day(line.createdAt, formats.locale)),
      cell(Math.floor((formats.now.getTime() - new Date(line.createdAt).getTime()) / 86_400_000)),
      cell(line.slaState, line.slaState ? t(`slaStates.${line.slaState}`) : "–"),
      cell(line.team?.name ?? null, line.team?.name ?? "–"),
    ]),
  };
}

/** A list of tickets as a table (the drill-down list and its export). */
export const lineTableFor = lineTable;

/** The tables of the "now" section: open tickets by status and priority, the oldest, the late and at-risk ones. */
function openTables(d: Pick<EstablishmentDashboard, "open">, t: Translate, links: DashboardLinks, formats: Formats): TableSpec[] {
  return [
    {
      id: "open-status",
      title: t("tables.openStatus"),
      columns: [
        { key: "status", label: t("columns.status") },
        { key: "count", label: t("columns.count"), numeric: true },
      ],
      rows: OPEN_STATUSES.map((status) => [
        cell(status, t(`statuses.${status}`)),
        count(d.open.byStatus[status] ?? 0, formats.locale, links.drill({ open: "true", status })),
      ]),
    },
    {
      id: "open-priority",
      title: t("tables.openPriority"),
      columns: [
        { key: "priority", label: t("columns.priority") },
        { key: "count", label: t("columns.count"), numeric: true },
      ],
      rows: PRIORITIES.map((priority) => [
        cell(priority),
        count(d.open.byPriority[priority], formats.locale, links.drill({ open: "true", priority })),
      ]),
    },
  ];
}

function weekTable(weeks: EstablishmentDashboard["weeks"], t: Translate, links: DashboardLinks, formats: Formats): TableSpec {
  const range = (week: string) => `${week}..${addSixDays(week)}`;
  return {
    id: "weeks",
    title: t("tables.weeks"),
    columns: ["week", "openedIncidents", "openedRequests", "resolvedIncidents", "resolvedRequests"].map((key, index) => ({
      key,
      label: t(`columns.${key}`),
      numeric: index > 0,
    })),
    rows: weeks.map((week) => [
      cell(week.week, day(`${week.week}T12:00:00Z`, formats.locale)),
      count(week.openedIncidents, formats.locale, links.drill({ opened: range(week.week), type: "incident" })),
      count(week.openedRequests, formats.locale, links.drill({ opened: range(week.week), type: "request" })),
      count(week.resolvedIncidents, formats.locale, links.drill({ resolved: range(week.week), type: "incident" })),
      count(week.resolvedRequests, formats.locale, links.drill({ resolved: range(week.week), type: "request" })),
    ]),
  };
}

/** The Sunday of a week given by its Monday (plain calendar arithmetic on the date). */
function addSixDays(monday: string): string {
  const date = new Date(`${monday}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 6);
  return date.toISOString().slice(0, 10);
}

/** The days of `month` ("2026-03") within the period, as a drill range. */
function monthRange(month: string, period: { from: string; to: string }): string {
  const [year, number] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10);
  const first = `${month}-01`;
  return `${first > period.from ? first : period.from}..${last < period.to ? last : period.to}`;
}

/**
 * The time tables (issue 14): interventions started in the period, their on-site visits (seed 002's load
 * indicator) and minutes of work and travel, per school, technician and month; each count leads to the
 * tickets behind it. `drillFor` gives a row's list (a school's own, for the per-school table).
 */
function timeTables(
  time: TimeFigures,
  period: { from: string; to: string },
  t: Translate,
  formats: Formats,
  drill: (filters: Record<string, string>) => string | null,
  schoolDrill: ((uai: string, filters: Record<string, string>) => string) | null,
  schoolHref: (uai: string) => string,
): TableSpec[] {
  const range = `${period.from}..${period.to}`;
  const columns = (first: Column): Column[] => [
    first,
    ...(["interventions", "onSiteVisits", "workMinutes", "travelMinutes"] as const).map((key) => ({
      key,
      label: t(`columns.${key}`),
      numeric: true,
    })),
  ];
  const figures = (row: TimeSpent, rowDrill: (filters: Record<string, string>) => string | null, intervened: string): Cell[] => [
    count(row.count, formats.locale, rowDrill({ intervened })),
    count(row.onSite, formats.locale, rowDrill({ intervened, onSite: "true" })),
    count(row.minutes, formats.locale),
    count(row.travelMinutes, formats.locale),
  ];
  const tables: TableSpec[] = [];
  if (schoolDrill) {
    tables.push({
      id: "time-schools",
      title: t("tables.timeSchools"),
      hint: t("tables.timeHint"),
      columns: columns({ key: "establishment", label: t("columns.establishment") }),
      rows: time.bySchool.map((row) => [
        cell(row.uai, row.name, schoolHref(row.uai)),
        ...figures(row, (filters) => schoolDrill(row.uai, filters), range),
      ]),
    });
  }
  tables.push(
    {
      id: "time-technicians",
      title: t("tables.timeTechnicians"),
      hint: t("tables.timeHint"),
      columns: columns({ key: "technician", label: t("columns.technician") }),
      rows: time.byTechnician.map((row) => [
        cell(row.name),
        ...figures(row, (filters) => drill({ ...filters, technician: row.id }), range),
      ]),
    },
    {
      id: "time-months",
      title: t("tables.timeMonths"),
      hint: t("tables.timeHint"),
      columns: columns({ key: "month", label: t("columns.month") }),
      rows: time.byMonth.map((row) => [cell(row.month), ...figures(row, drill, monthRange(row.month, period))]),
    },
  );
  return tables;
}

function durationTable(d: Pick<EstablishmentDashboard, "timeToOwn" | "timeToResolve">, t: Translate): TableSpec {
  return {
    id: "durations",
    title: t("tables.durations"),
    columns: [
      { key: "measure", label: t("columns.measure") },
      { key: "median", label: t("columns.median"), numeric: true },
      { key: "p90", label: t("columns.p90"), numeric: true },
      { key: "tickets", label: t("columns.tickets"), numeric: true },
    ],
    rows: (
      [
        ["tto", d.timeToOwn],
        ["ttr", d.timeToResolve],
      ] as const
    ).map(([measure, figures]) => [
      cell(measure, t(`measures.${measure}`)),
      cell(figures.medianMinutes, formatBusinessMinutes(figures.medianMinutes)),
      cell(figures.p90Minutes, formatBusinessMinutes(figures.p90Minutes)),
      cell(figures.count),
    ]),
  };
}

function equipmentTables(
  e: EstablishmentDashboard["equipment"],
  t: Translate,
  links: DashboardLinks,
  formats: Formats,
  options: { rooms: boolean },
): TableSpec[] {
  const tables: TableSpec[] = [
    {
      id: "equipment-classes",
      title: t("tables.equipmentClasses"),
      columns: [
        { key: "class", label: t("columns.class") },
        { key: "count", label: t("columns.count"), numeric: true },
      ],
      rows: e.byClass.map((row) => [
        cell(row.class, t(`classes.${row.class}`)),
        count(row.count, formats.locale, links.inventory({ class: row.class })),
      ]),
    },
    {
      id: "equipment-statuses",
      title: t("tables.equipmentStatuses"),
      columns: [
        { key: "status", label: t("columns.status") },
        { key: "count", label: t("columns.count"), numeric: true },
      ],
      rows: e.byStatus.map((row) => [
        cell(row.status, t(`ciStatuses.${row.status}`)),
        count(row.count, formats.locale, links.inventory({ status: row.status })),
      ]),
    },
    {
      id: "equipment-ages",
      title: t("tables.equipmentAges"),
      hint: t("tables.equipmentAgesHint"),
      columns: [
        { key: "years", label: t("columns.years") },
        { key: "count", label: t("columns.count"), numeric: true },
      ],
      rows: e.ageBands.map((band) => [
        cell(band.years, band.years === "unknown" ? t("ageUnknown") : band.years),
        count(band.count, formats.locale),
      ]),
    },
  ];
  if (options.rooms) {
    tables.push({
      id: "mixed-rooms",
      title: t("tables.mixedRooms"),
      hint: t("figures.mixedRoomsHint"),
      columns: [
        { key: "building", label: t("columns.building") },
        { key: "room", label: t("columns.room") },
        { key: "models", label: t("columns.models"), numeric: true },
        { key: "total", label: t("columns.total"), numeric: true },
      ],
      rows: e.mixedRooms.map((room) => [
        cell(room.building, room.building ?? "–"),
        cell(room.room, undefined, links.inventory({ room: room.room, ...(room.building ? { building: room.building } : {}) })),
        cell(room.models),
        cell(room.total),
      ]),
    });
  }
  tables.push({
    id: "most-incidents",
    title: t("tables.mostIncidents"),
    columns: [
      { key: "name", label: t("columns.name") },
      { key: "class", label: t("columns.class") },
      { key: "room", label: t("columns.room") },
      { key: "incidents", label: t("columns.incidents"), numeric: true },
    ],
    rows: e.mostIncidents.map((ci) => [
      cell(ci.name, undefined, links.ci(ci.id)),
      cell(ci.class, t(`classes.${ci.class}`)),
      cell(ci.room, ci.room ?? "–"),
      cell(ci.incidents),
    ]),
  });
  return tables;
}

export function establishmentTables(d: EstablishmentDashboard, t: Translate, links: DashboardLinks, formats: Formats): TableSpec[] {
  return [
    ...openTables(d, t, links, formats),
    lineTable("oldest", t("tables.oldest"), d.oldestOpen, t, links, formats, false),
    lineTable("sla-alerts", t("tables.slaAlerts"), d.slaAlerts, t, links, formats, false),
    weekTable(d.weeks, t, links, formats),
    {
      id: "services",
      title: t("tables.services"),
      columns: [
        { key: "service", label: t("columns.service") },
        { key: "openedIncidents", label: t("columns.openedIncidents"), numeric: true },
        { key: "openedRequests", label: t("columns.openedRequests"), numeric: true },
        { key: "resolved", label: t("columns.resolved"), numeric: true },
        { key: "deflected", label: t("columns.deflected"), numeric: true },
      ],
      rows: d.byService.map((service) => [
        cell(service.code, service.name),
        count(
          service.openedIncidents,
          formats.locale,
          links.drill({ opened: `${d.period.from}..${d.period.to}`, service: service.code, type: "incident" }),
        ),
        count(
          service.openedRequests,
          formats.locale,
          links.drill({ opened: `${d.period.from}..${d.period.to}`, service: service.code, type: "request" }),
        ),
        count(service.resolved, formats.locale, links.drill({ resolved: `${d.period.from}..${d.period.to}`, service: service.code })),
        count(service.deflected, formats.locale),
      ]),
    },
    {
      id: "resolved-by",
      title: t("tables.resolvedBy"),
      hint: t("tables.resolvedByHint"),
      columns: [
        { key: "party", label: t("columns.party") },
        { key: "count", label: t("columns.count"), numeric: true },
        { key: "share", label: t("columns.share"), numeric: true },
      ],
      rows: d.resolvedBy.map((row) => [
        cell(row.party, t(`parties.${row.party}`)),
        count(row.count, formats.locale, links.drill({ resolved: `${d.period.from}..${d.period.to}`, party: row.party })),
        shareCell(row.share, formats.locale),
      ]),
    },
    channelTable(d.byChannel, t, formats),
    durationTable(d, t),
    {
      id: "ratings",
      title: t("tables.ratings"),
      columns: [
        { key: "reference", label: t("columns.reference") },
        { key: "score", label: t("columns.score"), numeric: true },
        { key: "comment", label: t("columns.comment") },
        { key: "ratedAt", label: t("columns.ratedAt") },
      ],
      rows: d.satisfaction.comments.map((comment) => [
        cell(comment.reference, undefined, links.ticket(comment.reference)),
        cell(comment.score),
        cell(comment.comment),
        cell(comment.ratedAt, day(comment.ratedAt, formats.locale)),
      ]),
    },
    ...equipmentTables(d.equipment, t, links, formats, { rooms: true }),
    ...timeTables(d.time, d.period, t, formats, links.drill, null, links.school),
  ];
}

function regionalColumns(t: Translate, first: string): Column[] {
  return [
    { key: "label", label: t(`columns.${first}`) },
    ...(["backlog", "breachedOpen", "opened", "resolved", "ttoCompliance", "ttrCompliance", "satisfaction", "ratingsCount"] as const).map(
      (key) => ({ key: key === "ratingsCount" ? "ratings" : key, label: t(`columns.${key}`), numeric: true }),
    ),
  ];
}

function regionalCells(
  row: RegionalRow,
  formats: Formats,
  drill: (filters: Record<string, string>) => string | null,
  period: { from: string; to: string },
): Cell[] {
  return [
    count(row.backlog, formats.locale, drill({ open: "true" })),
    count(row.breachedOpen, formats.locale, drill({ open: "true", sla: "breached" })),
    count(row.opened, formats.locale, drill({ opened: `${period.from}..${period.to}` })),
    count(row.resolved, formats.locale, drill({ resolved: `${period.from}..${period.to}` })),
    shareCell(row.ttoCompliance, formats.locale),
    shareCell(row.ttrCompliance, formats.locale),
    cell(row.satisfaction, row.satisfaction === null ? "–" : row.satisfaction.toLocaleString(formats.locale)),
    cell(row.ratings),
  ];
}

/** The regional tables; `schoolDrill` and `zoneDrill` give each row's list. */
export function regionalTables(
  d: RegionalDashboard,
  t: Translate,
  links: DashboardLinks & {
    zone: (code: string) => string;
    schoolDrill: (uai: string, filters: Record<string, string>) => string;
    zoneDrill: (code: string, filters: Record<string, string>) => string;
  },
  formats: Formats,
  schools: readonly RegionalRow[],
): TableSpec[] {
  const teamColumns: Column[] = [
    ...regionalColumns(t, "team"),
    { key: "members", label: t("columns.members"), numeric: true },
    { key: "openPerMember", label: t("columns.openPerMember"), numeric: true },
    { key: "resolvedPerMember", label: t("columns.resolvedPerMember"), numeric: true },
  ];
  return [
    {
      id: "zones",
      title: t("tables.zones"),
      columns: regionalColumns(t, "zone"),
      rows: d.zones.map((row) => [
        cell(row.key, row.label, links.zone(row.key)),
        ...regionalCells(row, formats, (filters) => links.zoneDrill(row.key, filters), d.period),
      ]),
    },
    {
      id: "establishments",
      title: t("tables.establishments"),
      columns: regionalColumns(t, "establishment"),
      rows: schools.map((row) => [
        cell(row.key, row.label, links.school(row.key)),
        ...regionalCells(row, formats, (filters) => links.schoolDrill(row.key, filters), d.period),
      ]),
    },
    {
      id: "teams",
      title: t("tables.teams"),
      hint: t("teamsHint"),
      columns: teamColumns,
      rows: d.teams.map((row: TeamRow) => [
        cell(row.key, row.label),
        ...regionalCells(row, formats, (filters) => links.drill({ ...filters, team: row.key }), d.period),
        cell(row.members),
        cell(row.openPerMember, row.openPerMember === null ? "–" : row.openPerMember.toLocaleString(formats.locale)),
        cell(row.resolvedPerMember, row.resolvedPerMember === null ? "–" : row.resolvedPerMember.toLocaleString(formats.locale)),
      ]),
    },
    {
      id: "vendors",
      title: t("tables.vendors"),
      hint: t("figures.vendorComplianceHint"),
      columns: [
        { key: "vendor", label: t("columns.vendor") },
        ...(["waits", "ended", "onTime", "lateOpen"] as const).map((key) => ({ key, label: t(`columns.${key}`), numeric: true })),
        { key: "compliance", label: t("columns.compliance"), numeric: true },
      ],
      rows: d.vendors.map((vendor) => [
        cell(vendor.name),
        cell(vendor.waits),
        cell(vendor.ended),
        cell(vendor.onTime),
        cell(vendor.lateOpen),
        shareCell(vendor.compliance, formats.locale),
      ]),
    },
    ...deflectionTables(d.deflections, t, links, formats),
    channelTable(d.byChannel, t, formats),
    weekTable(d.weeks, t, links, formats),
    ...openTables(d, t, links, formats),
    ...timeTables(d.time, d.period, t, formats, links.drill, links.schoolDrill, links.school),
  ];
}

/** Tickets opened in the period by how they came in: the portal, an e-mail, a phone call to the desk, the API. */
function channelTable(rows: ChannelShare[], t: Translate, formats: Formats): TableSpec {
  return {
    id: "channels",
    title: t("tables.channels"),
    hint: t("tables.channelsHint"),
    columns: [
      { key: "channel", label: t("columns.channel") },
      { key: "count", label: t("columns.count"), numeric: true },
      { key: "share", label: t("columns.share"), numeric: true },
    ],
    rows: rows.map((row) => [
      cell(row.channel, t(`channels.${row.channel}`)),
      count(row.count, formats.locale),
      shareCell(row.share, formats.locale),
    ]),
  };
}

/** Tickets filed beside the attempts an article ended without a ticket, per service and per school (issue 16). */
function deflectionTables(
  deflections: RegionalDashboard["deflections"],
  t: Translate,
  links: { school: (uai: string) => string },
  formats: Formats,
): TableSpec[] {
  const columns = (first: "service" | "establishment"): Column[] => [
    { key: first, label: t(`columns.${first}`) },
    { key: "opened", label: t("columns.opened"), numeric: true },
    { key: "deflected", label: t("columns.deflected"), numeric: true },
  ];
  return [
    {
      id: "deflections-services",
      title: t("tables.deflectionsByService"),
      hint: t("tables.deflectionsHint"),
      columns: columns("service"),
      rows: deflections.byService.map((row) => [
        cell(row.key, row.label),
        count(row.opened, formats.locale),
        count(row.deflected, formats.locale),
      ]),
    },
    {
      id: "deflections-establishments",
      title: t("tables.deflectionsByEstablishment"),
      hint: t("tables.deflectionsHint"),
      columns: columns("establishment"),
      rows: deflections.byEstablishment.map((row) => [
        cell(row.key, row.label, links.school(row.key)),
        count(row.opened, formats.locale),
        count(row.deflected, formats.locale),
      ]),
    },
  ];
}

/** A table as CSV rows: the header, then each cell as read on screen, numbers as numbers (shares in percent), no figure as an empty cell. */
export function tableRows(table: TableSpec): Array<Array<string | number | null>> {
  return [
    table.columns.map((column) => column.label),
    ...table.rows.map((row) =>
      row.map((value) => (typeof value.value === "number" || value.value === null ? value.value : (value.text ?? value.value))),
    ),
  ];
}

/** Two schools side by side, one indicator per row; each school's column header links to its dashboard. */
export function compareTable(
  a: EstablishmentDashboard,
  b: EstablishmentDashboard,
  t: Translate,
  links: Pick<DashboardLinks, "school">,
  formats: Formats,
): TableSpec {
  const figures: Array<[string, (d: EstablishmentDashboard) => Cell]> = [
    ["figures.open", (d) => count(d.open.total, formats.locale)],
    ["figures.breached", (d) => count(d.open.breached, formats.locale)],
    ["figures.atRisk", (d) => count(d.open.atRisk, formats.locale)],
    ["figures.waitingRequester", (d) => count(d.open.waitingForSchool.waitingRequester, formats.locale)],
    ["figures.opened", (d) => count(d.opened.total, formats.locale)],
    ["figures.resolved", (d) => count(d.resolved.total, formats.locale)],
    ["figures.tto", (d) => cell(d.timeToOwn.medianMinutes, formatBusinessMinutes(d.timeToOwn.medianMinutes))],
    ["figures.ttr", (d) => cell(d.timeToResolve.medianMinutes, formatBusinessMinutes(d.timeToResolve.medianMinutes))],
    ["figures.ttoCompliance", (d) => shareCell(d.sla.ttoCompliance, formats.locale)],
    ["figures.ttrCompliance", (d) => shareCell(d.sla.ttrCompliance, formats.locale)],
    [
      "figures.satisfaction",
      (d) => cell(d.satisfaction.average, d.satisfaction.average === null ? "–" : d.satisfaction.average.toLocaleString(formats.locale)),
    ],
    ["figures.equipmentTotal", (d) => count(d.equipment.total, formats.locale)],
    ["figures.outOfWarranty", (d) => shareCell(d.equipment.outOfWarranty.share, formats.locale)],
    ["figures.renewal", (d) => count(d.equipment.renewalCandidates, formats.locale)],
    ["figures.mixedRooms", (d) => count(d.equipment.mixedRooms.length, formats.locale)],
  ];
  return {
    id: "compare",
    title: t("compareTitle"),
    columns: [
      { key: "indicator", label: t("columns.measure") },
      { key: a.establishment.uai, label: a.establishment.name, numeric: true },
      { key: b.establishment.uai, label: b.establishment.name, numeric: true },
    ],
    rows: figures.map(([key, value]) => [cell(key, t(key)), value(a), value(b)]),
  };
}
