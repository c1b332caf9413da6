import { describe, expect, test } from "vitest";
import {
  ageBands,
  channelShares,
  foldRows,
  openFigures,
  resolverShares,
  sortRows,
  teamRows,
  weeklyFlows,
  type ScopeGroup,
} from "./dashboard";
import { establishmentDashboardAccess, visibleZoneIds, zoneDashboardAccess } from "./dashboard-access";

test("open figures: every open status and priority, zeros included; closed groups ignored", () => {
  const figures = openFigures([
    { status: "new", priority: "P2", slaState: "ok", party: null, count: 3 },
    { status: "in_progress", priority: "P1", slaState: "breached", party: "region", count: 1 },
    { status: "waiting_requester", priority: "P3", slaState: "at_risk", party: "school", count: 2 },
    { status: "closed", priority: "P3", slaState: null, party: "region", count: 40 },
  ]);
  expect(figures).toEqual({
    total: 6,
    byStatus: { new: 3, assigned: 0, in_progress: 1, waiting_requester: 2, waiting_vendor: 0 },
    byPriority: { P1: 1, P2: 3, P3: 2, P4: 0 },
    atRisk: 2,
    breached: 1,
    waitingForSchool: { ownQueue: 2, waitingRequester: 2 },
  });
});

test("weekly flows: a row per week of the period, zeros in quiet weeks", () => {
  expect(
    weeklyFlows(
      ["2026-01-05", "2026-01-12"],
      [
        { week: "2026-01-05", type: "incident", count: 2 },
        { week: "2026-01-05", type: "request", count: 1 },
      ],
      [
        { week: "2026-01-12", type: "incident", count: 1 },
        { week: "2025-12-29", type: "incident", count: 9 },
      ],
    ),
  ).toEqual([
    { week: "2026-01-05", openedIncidents: 2, openedRequests: 1, resolvedIncidents: 0, resolvedRequests: 0 },
    { week: "2026-01-12", openedIncidents: 0, openedRequests: 0, resolvedIncidents: 1, resolvedRequests: 0 },
  ]);
});

test("who resolved: shares of the resolved tickets, 'none' only when some were", () => {
  expect(
    resolverShares([
      { party: "region", count: 3 },
      { party: "school", count: 1 },
    ]),
  ).toEqual([
    { party: "school", count: 1, share: 0.25 },
    { party: "region", count: 3, share: 0.75 },
    { party: "academy", count: 0, share: 0 },
    { party: "vendor", count: 0, share: 0 },
  ]);
  expect(resolverShares([]).map((row) => row.share)).toEqual([null, null, null, null]);
});

test("age bands: 0 to 9 years, 10 and more, then unknown", () => {
  const bands = ageBands(
    new Map<number | null, number>([
      [0, 2],
      [3, 1],
      [12, 4],
      [10, 1],
      [null, 5],
    ]),
  );
  expect(bands.map((band) => `${band.years}:${band.count}`).join(" ")).toBe("0:2 1:0 2:0 3:1 4:0 5:0 6:0 7:0 8:0 9:0 10+:5 unknown:5");
});

const group = (establishmentId: string, teamId: string | null, figures: Partial<ScopeGroup>): ScopeGroup => ({
  establishmentId,
  teamId,
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
  ...figures,
});

describe("regional tables", () => {
  const groups = [
    group("e1", "t1", { backlog: 4, opened: 10, resolved: 8, ttrMet: 6, ttrCounted: 8, ratingSum: 9, ratings: 2 }),
    group("e1", "t2", { backlog: 1, opened: 2, resolved: 2, ttrMet: 2, ttrCounted: 2 }),
    group("e2", "t1", {
      backlog: 2,
      breachedOpen: 1,
      opened: 5,
      resolved: 3,
      ttoMet: 1,
      ttoCounted: 4,
      ttrMet: 0,
      ttrCounted: 3,
      ratingSum: 5,
      ratings: 1,
    }),
  ];

  test("per school, every school listed (a quiet one with zeros and no shares)", () => {
    const rows = foldRows(
      groups,
      (g) => g.establishmentId,
      new Map([
        ["e1", "Lycée A"],
        ["e2", "Lycée B"],
        ["e3", "Lycée C"],
      ]),
    );
    expect(rows).toEqual([
      {
        key: "e1",
        label: "Lycée A",
        backlog: 5,
        breachedOpen: 0,
        opened: 12,
        resolved: 10,
        ttoCompliance: null,
        ttrCompliance: 0.8,
        satisfaction: 4.5,
        ratings: 2,
      },
      {
        key: "e2",
        label: "Lycée B",
        backlog: 2,
        breachedOpen: 1,
        opened: 5,
        resolved: 3,
        ttoCompliance: 0.25,
        ttrCompliance: 0,
        satisfaction: 5,
        ratings: 1,
      },
      {
        key: "e3",
        label: "Lycée C",
        backlog: 0,
        breachedOpen: 0,
        opened: 0,
        resolved: 0,
        ttoCompliance: null,
        ttrCompliance: null,
        satisfaction: null,
        ratings: 0,
      },
    ]);
  });

  test("per team, with tickets per member; idle teams left out", () => {
    const rows = teamRows(groups, [
      { id: "t1", code: "PROX-OUEST", name: "Proximité Ouest", party: "region", members: 3 },
      { id: "t2", code: "EQ-E-EOLE", name: "EOLE", party: "academy", members: 0 },
      { id: "t3", code: "IDLE", name: "Idle", party: "region", members: 2 },
    ]);
    expect(rows.map((r) => [r.key, r.backlog, r.resolved, r.openPerMember, r.resolvedPerMember])).toEqual([
      ["PROX-OUEST", 6, 11, 2, 3.7],
      ["EQ-E-EOLE", 1, 2, null, null],
    ]);
  });

  test.each([
    ["backlog", "desc", ["Lycée A", "Lycée B", "Lycée C"]],
    ["backlog", "asc", ["Lycée C", "Lycée B", "Lycée A"]],
    ["ttoCompliance", "desc", ["Lycée B", "Lycée A", "Lycée C"]],
    ["ttoCompliance", "asc", ["Lycée B", "Lycée A", "Lycée C"]],
    ["label", "desc", ["Lycée C", "Lycée B", "Lycée A"]],
  ] as const)("sorted by %s %s, no figure last", (key, direction, labels) => {
    const rows = foldRows(
      groups,
      (g) => g.establishmentId,
      new Map([
        ["e1", "Lycée A"],
        ["e2", "Lycée B"],
        ["e3", "Lycée C"],
      ]),
    );
    expect(sortRows(rows, key, direction).map((r) => r.label)).toEqual(labels);
  });
});

describe("who reads which dashboard", () => {
  const school = { id: "e1", zoneId: "z1" };
  const caller = (role: string, establishmentIds: string[] = [], zoneIds: string[] = []) => ({ role, establishmentIds, zoneIds }) as never;
  test.each([
    [caller("manager", ["e1"]), "allowed"],
    [caller("manager", ["e2"]), "not_found"],
    [caller("requester", ["e1"]), "forbidden"],
    [caller("technician", [], ["z1"]), "forbidden"],
    [caller("academy_agent"), "forbidden"],
    [caller("sector_lead", [], ["z1"]), "allowed"],
    [caller("sector_lead", [], ["z2"]), "not_found"],
    [caller("service_lead"), "allowed"],
    [caller("admin"), "allowed"],
  ])("school dashboard: %j → %s", (who, access) => {
    expect(establishmentDashboardAccess(who, school)).toBe(access);
  });

  test.each([
    [caller("manager", ["e1"]), "forbidden"],
    [caller("sector_lead", [], ["z1"]), "allowed"],
    [caller("sector_lead", [], ["z2"]), "not_found"],
    [caller("service_lead"), "allowed"],
    [caller("admin"), "allowed"],
  ])("zone dashboard: %j → %s", (who, access) => {
    expect(zoneDashboardAccess(who, { id: "z1" })).toBe(access);
  });

  test("a sector lead's regional view holds their zones only", () => {
    expect(visibleZoneIds(caller("sector_lead", [], ["z2"]), ["z1", "z2", "z3"])).toEqual(["z2"]);
    expect(visibleZoneIds(caller("admin"), ["z1", "z2"])).toEqual(["z1", "z2"]);
    expect(visibleZoneIds(caller("manager", ["e1"]), ["z1"])).toEqual([]);
  });
});

describe("channelShares", () => {
  test.each([
    [
      "every channel shows, in order, even at zero",
      [{ channel: "phone" as const, count: 1 }],
      [
        { channel: "portal", count: 0, share: 0 },
        { channel: "mail", count: 0, share: 0 },
        { channel: "phone", count: 1, share: 1 },
        { channel: "api", count: 0, share: 0 },
      ],
    ],
    [
      "shares of the total",
      [
        { channel: "portal" as const, count: 6 },
        { channel: "api" as const, count: 2 },
      ],
      [
        { channel: "portal", count: 6, share: 0.75 },
        { channel: "mail", count: 0, share: 0 },
        { channel: "phone", count: 0, share: 0 },
        { channel: "api", count: 2, share: 0.25 },
      ],
    ],
    [
      "no ticket: counts at zero, no share",
      [],
      [
        { channel: "portal", count: 0, share: null },
        { channel: "mail", count: 0, share: null },
        { channel: "phone", count: 0, share: null },
        { channel: "api", count: 0, share: null },
      ],
    ],
  ])("%s", (_label, groups, expected) => {
    expect(channelShares(groups)).toEqual(expected);
  });
});
