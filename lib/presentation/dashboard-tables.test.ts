import { describe, expect, test } from "vitest";
import type { EstablishmentDashboard, RegionalDashboard, RegionalRow, TicketLine } from "../domain/dashboard";
import {
  compareTable,
  dateTime,
  day,
  establishmentTables,
  lineTableFor,
  percent,
  regionalPageRows,
  regionalTables,
  shareCell,
  tableRows,
  type Cell,
  type DashboardLinks,
  type TableSpec,
  type Translate,
  withTotals,
} from "./dashboard-tables";

// The catalogue is left out: each label is its key (with its values), so the expectations read what was asked for.
const t: Translate = (key, values) => (values ? `${key} ${JSON.stringify(values)}` : key);
const query = (filters: Record<string, string>) => new URLSearchParams(filters).toString();
const links: DashboardLinks = {
  drill: (filters) => `/drill?${query(filters)}`,
  ticket: (reference) => `/t/${reference}`,
  inventory: (filters) => `/inv?${query(filters)}`,
  ci: (id) => `/ci/${id}`,
  school: (uai) => `/school/${uai}`,
};
const regionalLinks = {
  ...links,
  zone: (code: string) => `/zone/${code}`,
  schoolDrill: (uai: string, filters: Record<string, string>) => `/school/${uai}/drill?${query(filters)}`,
  zoneDrill: (code: string, filters: Record<string, string>) => `/zone/${code}/drill?${query(filters)}`,
};
// French formats put a no-break space before "%" ("~" here) and a narrow one between thousands ("_" here).
const nnbsp = (text: string) => text.replaceAll("_", "\u202f").replaceAll("~", "\u00a0");
const formats = { locale: "fr-FR", now: new Date("2026-06-15T10:00:00Z") };

const line = (reference: string, overrides: Partial<TicketLine> = {}): TicketLine => ({
  reference,
  title: `Titre ${reference}`,
  status: "in_progress",
  priority: "P2",
  type: "incident",
  createdAt: "2026-06-08T22:30:00Z",
  slaState: "at_risk",
  resolveBy: null,
  establishment: { uai: "0370037P", name: "Lycée Balzac" },
  team: { code: "PROX", name: "Proximité" },
  ...overrides,
});

const equipment: EstablishmentDashboard["equipment"] = {
  total: 1234,
  byClass: [{ class: "pc", count: 1200 }],
  byStatus: [{ status: "production", count: 34 }],
  ageBands: [
    { years: "3", count: 10 },
    { years: "unknown", count: 2 },
  ],
  outOfWarranty: { count: 1, known: 3, share: 1 / 3 },
  renewalCandidates: 5,
  mixedRooms: [
    { building: null, room: "B12", models: 3, total: 20 },
    { building: "A", room: "101", models: 2, total: 8 },
  ],
  mostIncidents: [{ id: "ci-1", name: "PC-01", class: "pc", room: null, establishmentUai: "0370037P", incidents: 4 }],
};
const byPriority = { P1: 1, P2: 2, P3: 0, P4: 0 };
const open = {
  total: 3,
  byStatus: { new: 2, in_progress: 1 },
  byPriority,
  atRisk: 1,
  breached: 1,
  waitingForSchool: { ownQueue: 0, waitingRequester: 1 },
};
const period = { kind: "custom" as const, from: "2026-06-01", to: "2026-06-30" };
const week = { week: "2026-06-08", openedIncidents: 1234, openedRequests: 0, resolvedIncidents: 2, resolvedRequests: 1 };
const durations = {
  timeToOwn: { count: 4, medianMinutes: 45, p90Minutes: 125 },
  timeToResolve: { count: 3, medianMinutes: 660, p90Minutes: null },
};
const spent = { count: 2, onSite: 1, minutes: 90, travelMinutes: 30 };
const time = {
  total: spent,
  bySchool: [{ ...spent, uai: "0370037P", name: "Lycée Choiseul" }],
  byTechnician: [{ ...spent, id: "u-1", name: "Tech Ouest" }],
  byMonth: [{ ...spent, month: "2026-06" }],
};
const sla = {
  ttoMet: 3,
  ttoCounted: 4,
  ttrMet: 1,
  ttrCounted: 3,
  ttoCompliance: 0.75,
  ttrCompliance: 0.8235,
  breachedOpen: 1,
  atRiskOpen: 1,
};

const byChannel: EstablishmentDashboard["byChannel"] = [
  { channel: "portal", count: 3, share: 0.75 },
  { channel: "mail", count: 0, share: 0 },
  { channel: "phone", count: 1, share: 0.25 },
  { channel: "api", count: 0, share: 0 },
];

function school(uai: string, name: string, overrides: Partial<EstablishmentDashboard> = {}): EstablishmentDashboard {
  return {
    establishment: { uai, name, type: "LPO", city: "Tours", zone: { code: "OUEST", name: "Ouest" } },
    period,
    computedAt: "2026-06-15T10:00:00Z",
    open,
    oldestOpen: [line("T-1")],
    slaAlerts: [],
    opened: { total: 4, incidents: 3, requests: 1 },
    resolved: { total: 2, incidents: 2, requests: 0 },
    weeks: [week],
    byService: [{ code: "RESEAU", name: "Réseau", openedIncidents: 2, openedRequests: 1, resolved: 1, deflected: 3 }],
    ...durations,
    sla,
    satisfaction: { average: 4.5, count: 2, comments: [{ reference: "T-9", score: 5, comment: "Merci", ratedAt: "2026-06-10T08:00:00Z" }] },
    resolvedBy: [{ party: "region", count: 2, share: 1 }],
    byChannel,
    equipment,
    time,
    ...overrides,
  };
}

/** A cell as the page reads it: "value | text -> href", only the parts it has. */
const show = (cell: Cell) =>
  [String(cell.value), cell.text === undefined ? null : `| ${cell.text}`, cell.href ? `-> ${cell.href}` : null].filter(Boolean).join(" ");
const rowsOf = (table: TableSpec | undefined) => table?.rows.map((row) => row.map(show));
const columnsOf = (table: TableSpec | undefined) =>
  table?.columns.map((column) => `${column.key}${column.numeric ? "#" : ""}:${column.label}`);

describe("the school's tables", () => {
  const tables = establishmentTables(school("0370037P", "Lycée Balzac"), t, links, formats);

  test("come in the page's order, each once", () => {
    expect(tables.map((table) => table.id)).toEqual([
      "open-status",
      "open-priority",
      "oldest",
      "sla-alerts",
      "weeks",
      "services",
      "resolved-by",
      "channels",
      "durations",
      "ratings",
      "equipment-classes",
      "equipment-statuses",
      "equipment-ages",
      "mixed-rooms",
      "most-incidents",
      "time-technicians",
      "time-months",
    ]);
  });

  test.each<[string, string[], string[][]]>([
    [
      "time-technicians",
      [
        "technician:columns.technician",
        "interventions#:columns.interventions",
        "onSiteVisits#:columns.onSiteVisits",
        "workMinutes#:columns.workMinutes",
        "travelMinutes#:columns.travelMinutes",
      ],
      [
        [
          "Tech Ouest",
          "2 | 2 -> /drill?intervened=2026-06-01..2026-06-30&technician=u-1",
          "1 | 1 -> /drill?intervened=2026-06-01..2026-06-30&onSite=true&technician=u-1",
          "90 | 90",
          "30 | 30",
        ],
      ],
    ],
    [
      "time-months",
      [
        "month:columns.month",
        "interventions#:columns.interventions",
        "onSiteVisits#:columns.onSiteVisits",
        "workMinutes#:columns.workMinutes",
        "travelMinutes#:columns.travelMinutes",
      ],
      [
        [
          "2026-06",
          "2 | 2 -> /drill?intervened=2026-06-01..2026-06-30",
          "1 | 1 -> /drill?intervened=2026-06-01..2026-06-30&onSite=true",
          "90 | 90",
          "30 | 30",
        ],
      ],
    ],
    [
      "open-status",
      ["status:columns.status", "count#:columns.count"],
      [
        ["new | statuses.new", "2 | 2 -> /drill?open=true&status=new"],
        ["assigned | statuses.assigned", "0 | 0 -> /drill?open=true&status=assigned"],
        ["in_progress | statuses.in_progress", "1 | 1 -> /drill?open=true&status=in_progress"],
        ["waiting_requester | statuses.waiting_requester", "0 | 0 -> /drill?open=true&status=waiting_requester"],
        ["waiting_vendor | statuses.waiting_vendor", "0 | 0 -> /drill?open=true&status=waiting_vendor"],
      ],
    ],
    [
      "open-priority",
      ["priority:columns.priority", "count#:columns.count"],
      [
        ["P1", "1 | 1 -> /drill?open=true&priority=P1"],
        ["P2", "2 | 2 -> /drill?open=true&priority=P2"],
        ["P3", "0 | 0 -> /drill?open=true&priority=P3"],
        ["P4", "0 | 0 -> /drill?open=true&priority=P4"],
      ],
    ],
    [
      "oldest",
      [
        "reference:columns.reference",
        "title:columns.title",
        "status:columns.status",
        "priority:columns.priority",
        "createdAt:columns.createdAt",
        "age#:columns.age",
        "sla:columns.sla",
        "team:columns.team",
      ],
      [
        // Created on 9 June at 00:30 in Paris (8 June in UTC): the day shown is Paris's; 6 whole days old on the 15th at noon.
        [
          "T-1 -> /t/T-1",
          "Titre T-1",
          "in_progress | statuses.in_progress",
          "P2",
          "2026-06-08T22:30:00Z | 09/06/2026",
          "6",
          "at_risk | slaStates.at_risk",
          "Proximité | Proximité",
        ],
      ],
    ],
    ["sla-alerts", [], []],
    [
      "weeks",
      [
        "week:columns.week",
        "openedIncidents#:columns.openedIncidents",
        "openedRequests#:columns.openedRequests",
        "resolvedIncidents#:columns.resolvedIncidents",
        "resolvedRequests#:columns.resolvedRequests",
      ],
      [
        [
          "2026-06-08 | 08/06/2026",
          nnbsp("1234 | 1_234 -> /drill?opened=2026-06-08..2026-06-14&type=incident"),
          "0 | 0 -> /drill?opened=2026-06-08..2026-06-14&type=request",
          "2 | 2 -> /drill?resolved=2026-06-08..2026-06-14&type=incident",
          "1 | 1 -> /drill?resolved=2026-06-08..2026-06-14&type=request",
        ],
      ],
    ],
    [
      "services",
      [
        "service:columns.service",
        "openedIncidents#:columns.openedIncidents",
        "openedRequests#:columns.openedRequests",
        "resolved#:columns.resolved",
        "deflected#:columns.deflected",
      ],
      [
        [
          "RESEAU | Réseau",
          "2 | 2 -> /drill?opened=2026-06-01..2026-06-30&service=RESEAU&type=incident",
          "1 | 1 -> /drill?opened=2026-06-01..2026-06-30&service=RESEAU&type=request",
          "1 | 1 -> /drill?resolved=2026-06-01..2026-06-30&service=RESEAU",
          "3 | 3",
        ],
      ],
    ],
    [
      "resolved-by",
      ["party:columns.party", "count#:columns.count", "share#:columns.share"],
      [["region | parties.region", "2 | 2 -> /drill?resolved=2026-06-01..2026-06-30&party=region", nnbsp("100 | 100~%")]],
    ],
    [
      "durations",
      ["measure:columns.measure", "median#:columns.median", "p90#:columns.p90", "tickets#:columns.tickets"],
      [
        ["tto | measures.tto", "45 | 45 min", "125 | 2 h 05", "4"],
        ["ttr | measures.ttr", "660 | 1 j 1 h", "null | –", "3"],
      ],
    ],
    [
      "ratings",
      ["reference:columns.reference", "score#:columns.score", "comment:columns.comment", "ratedAt:columns.ratedAt"],
      [["T-9 -> /t/T-9", "5", "Merci", "2026-06-10T08:00:00Z | 10/06/2026"]],
    ],
    ["equipment-classes", ["class:columns.class", "count#:columns.count"], [["pc | classes.pc", nnbsp("1200 | 1_200 -> /inv?class=pc")]]],
    [
      "equipment-statuses",
      ["status:columns.status", "count#:columns.count"],
      [["production | ciStatuses.production", "34 | 34 -> /inv?status=production"]],
    ],
    [
      "equipment-ages",
      ["years:columns.years", "count#:columns.count"],
      [
        ["3 | 3", "10 | 10"],
        ["unknown | ageUnknown", "2 | 2"],
      ],
    ],
    [
      "mixed-rooms",
      ["building:columns.building", "room:columns.room", "models#:columns.models", "total#:columns.total"],
      [
        ["null | –", "B12 -> /inv?room=B12", "3", "20"],
        ["A | A", "101 -> /inv?room=101&building=A", "2", "8"],
      ],
    ],
    [
      "most-incidents",
      ["name:columns.name", "class:columns.class", "room:columns.room", "incidents#:columns.incidents"],
      [["PC-01 -> /ci/ci-1", "pc | classes.pc", "null | –", "4"]],
    ],
  ])("%s", (id, columns, rows) => {
    const table = tables.find((candidate) => candidate.id === id);
    if (columns.length) expect(columnsOf(table)).toEqual(columns);
    expect(rowsOf(table)).toEqual(rows);
  });

  test("titles and hints come from the catalogue", () => {
    expect(tables.find((table) => table.id === "resolved-by")).toMatchObject({ title: "tables.resolvedBy", hint: "tables.resolvedByHint" });
    expect(tables.find((table) => table.id === "mixed-rooms")).toMatchObject({
      title: "tables.mixedRooms",
      hint: "figures.mixedRoomsHint",
    });
  });

  test("a reader who cannot open the inventory gets its figures without links", () => {
    const blind = establishmentTables(school("0370037P", "Lycée Balzac"), t, { ...links, inventory: () => null, ci: () => null }, formats);
    const cells = blind
      .filter((table) => table.id.startsWith("equipment") || table.id === "most-incidents")
      .flatMap((table) => table.rows.flat());
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.some((cell) => "href" in cell)).toBe(false);
  });
});

test("a list of tickets across schools names each school and links to it", () => {
  const table = lineTableFor("list", "Liste", [line("T-2", { slaState: null, team: null })], t, links, formats, true);
  expect(columnsOf(table)?.[2]).toBe("establishment:columns.establishment");
  expect(rowsOf(table)).toEqual([
    [
      "T-2 -> /t/T-2",
      "Titre T-2",
      "0370037P | Lycée Balzac -> /school/0370037P",
      "in_progress | statuses.in_progress",
      "P2",
      "2026-06-08T22:30:00Z | 09/06/2026",
      "6",
      "null | –",
      "null | –",
    ],
  ]);
});

describe("the regional tables", () => {
  const row = (key: string, label: string, overrides: Partial<RegionalRow> = {}): RegionalRow => ({
    key,
    label,
    backlog: 3,
    breachedOpen: 1,
    opened: 4,
    resolved: 2,
    ttoCompliance: 0.8235,
    ttrCompliance: null,
    satisfaction: 4.25,
    ratings: 2,
    ...overrides,
  });
  const dashboard: RegionalDashboard = {
    scope: { kind: "all" },
    period,
    computedAt: "2026-06-15T10:00:00Z",
    open,
    opened: { total: 4, incidents: 3, requests: 1 },
    resolved: { total: 2, incidents: 2, requests: 0 },
    weeks: [week],
    ...durations,
    sla,
    satisfaction: { average: 4.25, count: 2 },
    byChannel,
    time,
    zones: [row("OUEST", "Ouest")],
    teams: [
      { ...row("PROX", "Proximité", { satisfaction: null }), party: "region", members: 2, openPerMember: 1.5, resolvedPerMember: null },
    ],
    establishments: [],
    vendors: [{ name: "Réparateur", waits: 3, ended: 2, onTime: 1, lateOpen: 1, compliance: 0.5 }],
    deflections: {
      byService: [{ key: "IMPRESSION", label: "Impression", opened: 4, deflected: 2 }],
      byEstablishment: [{ key: "0370037P", label: "Lycée Choiseul", opened: 4, deflected: 2 }],
    },
    equipment,
  };
  const tables = regionalTables(dashboard, t, regionalLinks, formats, [row("0370037P", "Lycée Balzac")]);
  const figures = ["3 | 3", "1 | 1", "4 | 4", "2 | 2"];
  const drills = (base: string) =>
    [
      `${base}open=true`,
      `${base}open=true&sla=breached`,
      `${base}opened=2026-06-01..2026-06-30`,
      `${base}resolved=2026-06-01..2026-06-30`,
    ].map((href, index) => `${figures[index]} -> ${href}`);

  describe("regionalPageRows: the first rows of the lists with a row per zone, school, team or technician", () => {
    const rows = (prefix: string, count: number): RegionalRow[] =>
      Array.from({ length: count }, (_, index) => row(`${prefix}${index}`, `${prefix}${index}`));
    const spent = (count: number) =>
      Array.from({ length: count }, (_, index) => ({
        uai: `U${index}`,
        name: `S${index}`,
        minutes: 1,
        travelMinutes: 0,
        count: 1,
        onSite: 0,
      }));
    test.each<
      [string, { zones: number; schools: number; teams: number; deflections: number; timeSchools: number }, Record<string, number>]
    >([
      ["nothing longer than 3: nothing cut, nothing said", { zones: 3, schools: 3, teams: 2, deflections: 0, timeSchools: 3 }, {}],
      [
        "every school nationally",
        { zones: 94, schools: 2001, teams: 2200, deflections: 1500, timeSchools: 4 },
        { zones: 94, establishments: 2001, teams: 2200, "deflections-establishments": 1500, "time-schools": 4 },
      ],
      ["one zone of 9 schools", { zones: 1, schools: 9, teams: 3, deflections: 2, timeSchools: 1 }, { establishments: 9 }],
    ])("%s", (_, counts, totals) => {
      const d = {
        ...dashboard,
        zones: rows("Z", counts.zones),
        teams: rows("T", counts.teams).map((row) => ({
          ...row,
          party: "region" as const,
          members: 1,
          openPerMember: null,
          resolvedPerMember: null,
        })),
        deflections: {
          ...dashboard.deflections,
          byEstablishment: Array.from({ length: counts.deflections }, (_, i) => ({
            key: `U${i}`,
            label: `S${i}`,
            opened: 1,
            deflected: 1,
          })),
        },
        time: { ...dashboard.time, bySchool: spent(counts.timeSchools) },
      };
      const schools = rows("S", counts.schools);
      const page = regionalPageRows(d, schools, 3);
      expect(page.totals).toEqual(totals);
      expect(page.schools).toEqual(schools.slice(0, 3));
      expect(page.dashboard.zones).toEqual(d.zones.slice(0, 3));
      expect(page.dashboard.teams).toEqual(d.teams.slice(0, 3));
      expect(page.dashboard.deflections.byEstablishment).toEqual(d.deflections.byEstablishment.slice(0, 3));
      expect(page.dashboard.time.bySchool).toEqual(d.time.bySchool.slice(0, 3));
      // The figures above the tables are the whole view's.
      expect({ ...page.dashboard, zones: d.zones, teams: d.teams, deflections: d.deflections, time: d.time }).toEqual(d);
    });

    test("withTotals says it under the tables cut, and only them", () => {
      const spec = (id: string): TableSpec => ({ id, title: id, columns: [], rows: [] });
      expect(withTotals([spec("establishments"), spec("weeks")], { establishments: 2001 })).toEqual([
        { ...spec("establishments"), total: 2001 },
        spec("weeks"),
      ]);
    });
  });

  test("tickets by channel: the four channels, with their counts and shares", () => {
    const channels = tables.find((table) => table.id === "channels");
    expect(channels).toMatchObject({ title: "tables.channels", hint: "tables.channelsHint" });
    expect(columnsOf(channels)).toEqual(["channel:columns.channel", "count#:columns.count", "share#:columns.share"]);
    expect(rowsOf(channels)).toEqual([
      ["portal | channels.portal", "3 | 3", nnbsp("75 | 75~%")],
      ["mail | channels.mail", "0 | 0", nnbsp("0 | 0~%")],
      ["phone | channels.phone", "1 | 1", nnbsp("25 | 25~%")],
      ["api | channels.api", "0 | 0", nnbsp("0 | 0~%")],
    ]);
  });

  test("deflections stand beside the tickets filed, per service and per school", () => {
    const byService = tables.find((table) => table.id === "deflections-services");
    expect(columnsOf(byService)).toEqual(["service:columns.service", "opened#:columns.opened", "deflected#:columns.deflected"]);
    expect(rowsOf(byService)).toEqual([["IMPRESSION | Impression", "4 | 4", "2 | 2"]]);
    const bySchool = tables.find((table) => table.id === "deflections-establishments");
    expect(rowsOf(bySchool)).toEqual([[`0370037P | Lycée Choiseul -> ${regionalLinks.school("0370037P")}`, "4 | 4", "2 | 2"]]);
  });

  test("come in the page's order", () => {
    expect(tables.map((table) => table.id)).toEqual([
      "zones",
      "establishments",
      "teams",
      "vendors",
      "deflections-services",
      "deflections-establishments",
      "channels",
      "weeks",
      "open-status",
      "open-priority",
      "time-schools",
      "time-technicians",
      "time-months",
    ]);
  });

  test.each<[string, string[]]>([
    ["zones", ["OUEST | Ouest -> /zone/OUEST", ...drills("/zone/OUEST/drill?"), nnbsp("82.35 | 82~%"), "null | –", "4.25 | 4,25", "2"]],
    // The schools are the ones given (the page's page of them), not the dashboard's.
    [
      "establishments",
      [
        "0370037P | Lycée Balzac -> /school/0370037P",
        ...drills("/school/0370037P/drill?"),
        nnbsp("82.35 | 82~%"),
        "null | –",
        "4.25 | 4,25",
        "2",
      ],
    ],
    [
      "teams",
      [
        "PROX | Proximité",
        ...drills("/drill?").map((cell) => cell.replace(/$/, "&team=PROX")),
        nnbsp("82.35 | 82~%"),
        "null | –",
        "null | –",
        "2",
        "2",
        "1.5 | 1,5",
        "null | –",
      ],
    ],
    ["vendors", ["Réparateur", "3", "2", "1", "1", nnbsp("50 | 50~%")]],
  ])("%s", (id, cells) => {
    expect(rowsOf(tables.find((table) => table.id === id))).toEqual([cells]);
  });

  test("the teams' table adds the members and the load per member; the ratings column is keyed ratings", () => {
    expect(columnsOf(tables.find((table) => table.id === "teams"))).toEqual([
      "label:columns.team",
      "backlog#:columns.backlog",
      "breachedOpen#:columns.breachedOpen",
      "opened#:columns.opened",
      "resolved#:columns.resolved",
      "ttoCompliance#:columns.ttoCompliance",
      "ttrCompliance#:columns.ttrCompliance",
      "satisfaction#:columns.satisfaction",
      "ratings#:columns.ratingsCount",
      "members#:columns.members",
      "openPerMember#:columns.openPerMember",
      "resolvedPerMember#:columns.resolvedPerMember",
    ]);
  });
});

test("two schools compared: one indicator a row, each school's column named after it", () => {
  const table = compareTable(
    school("0370037P", "Lycée Balzac"),
    school("0371505K", "Lycée Agnès Sorel", {
      satisfaction: { average: null, count: 0, comments: [] },
      sla: { ...sla, ttoCompliance: null },
    }),
    t,
    links,
    formats,
  );
  expect(columnsOf(table)).toEqual(["indicator:columns.measure", "0370037P#:Lycée Balzac", "0371505K#:Lycée Agnès Sorel"]);
  expect(rowsOf(table)).toEqual([
    ["figures.open | figures.open", "3 | 3", "3 | 3"],
    ["figures.breached | figures.breached", "1 | 1", "1 | 1"],
    ["figures.atRisk | figures.atRisk", "1 | 1", "1 | 1"],
    ["figures.waitingRequester | figures.waitingRequester", "1 | 1", "1 | 1"],
    ["figures.opened | figures.opened", "4 | 4", "4 | 4"],
    ["figures.resolved | figures.resolved", "2 | 2", "2 | 2"],
    ["figures.tto | figures.tto", "45 | 45 min", "45 | 45 min"],
    ["figures.ttr | figures.ttr", "660 | 1 j 1 h", "660 | 1 j 1 h"],
    ["figures.ttoCompliance | figures.ttoCompliance", nnbsp("75 | 75~%"), "null | –"],
    ["figures.ttrCompliance | figures.ttrCompliance", nnbsp("82.35 | 82~%"), nnbsp("82.35 | 82~%")],
    ["figures.satisfaction | figures.satisfaction", "4.5 | 4,5", "null | –"],
    ["figures.equipmentTotal | figures.equipmentTotal", nnbsp("1234 | 1_234"), nnbsp("1234 | 1_234")],
    ["figures.outOfWarranty | figures.outOfWarranty", nnbsp("33.33 | 33~%"), nnbsp("33.33 | 33~%")],
    ["figures.renewal | figures.renewal", "5 | 5", "5 | 5"],
    ["figures.mixedRooms | figures.mixedRooms", "2 | 2", "2 | 2"],
  ]);
});

describe("CSV rows and French formats", () => {
  test("the export writes the header, numbers as numbers (shares in percent), texts as shown, no figure as an empty cell", () => {
    const table: TableSpec = {
      id: "x",
      title: "X",
      columns: [
        { key: "a", label: "A" },
        { key: "b", label: "B", numeric: true },
        { key: "c", label: "C", numeric: true },
        { key: "d", label: "D" },
      ],
      rows: [
        [
          { value: "in_progress", text: "En cours" },
          { value: 1234, text: "1 234" },
          shareCell(0.8235, "fr-FR"),
          { value: null, text: "–" },
        ],
        [{ value: "P1" }, { value: 0 }, shareCell(null, "fr-FR"), { value: "x" }],
      ],
    };
    expect(tableRows(table)).toEqual([
      ["A", "B", "C", "D"],
      ["En cours", 1234, 82.35, null],
      ["P1", 0, null, "x"],
    ]);
  });

  test.each([
    [0.8235, nnbsp("82~%")],
    [1, nnbsp("100~%")],
    [0, nnbsp("0~%")],
    [0.005, nnbsp("1~%")],
    [null, "–"],
  ])("percent(%s) → %s", (value, text) => {
    expect(percent(value, "fr-FR")).toBe(text);
  });

  test.each([
    // Paris time: CEST in June, CET in December; the day changes at Paris midnight, not UTC's.
    ["2026-06-08T21:59:00Z", "08/06/2026", "08/06/2026 23:59"],
    ["2026-06-08T22:00:00Z", "09/06/2026", "09/06/2026 00:00"],
    ["2026-12-31T23:30:00Z", "01/01/2027", "01/01/2027 00:30"],
  ])("%s is %s, %s in Paris", (iso, expectedDay, expectedDateTime) => {
    expect(day(iso, "fr-FR")).toBe(expectedDay);
    expect(dateTime(iso, "fr-FR")).toBe(expectedDateTime);
  });
});
