import { describe, expect, test } from "vitest";
import {
  anniversaryDue,
  canReviewDelegations,
  delegationGaps,
  delegationPeriod,
  delegationReviewsAfter,
  filteringDecisionOf,
  filteringPeriod,
  nextAnniversary,
  registerScope,
  registerState,
  reminderDue,
  removalDue,
  scopeCoversRoom,
  scopeIncludes,
  type AccountFacts,
} from "./registers";

const period = { startsOn: "2026-03-01", endsOn: "2026-03-31" };

describe("registerState", () => {
  test.each([
    ["2026-02-28", {}, "upcoming"],
    ["2026-03-01", {}, "in_force"],
    ["2026-03-30", {}, "in_force"],
    ["2026-03-31", {}, "expired"],
    ["2026-04-15", {}, "expired"],
    ["2026-03-10", { ended: true }, "expired"],
  ] as const)("on %s %o: %s", (today, extra, state) => {
    expect(registerState({ ...period, ...extra }, today)).toBe(state);
  });
});

test.each([
  ["autoriser", "allow"],
  ["interdire", "deny"],
] as const)("the answer %s is the decision %s", (answer, decision) => {
  expect(filteringDecisionOf(answer)).toBe(decision);
});

test.each([
  ["2026-03-01", 30, { startsOn: "2026-03-01", endsOn: "2026-03-31" }],
  ["2026-03-28", 1, { startsOn: "2026-03-28", endsOn: "2026-03-29" }],
  // Across the change to summer time and a leap day: days, not 24-hour spans.
  ["2028-02-28", 365, { startsOn: "2028-02-28", endsOn: "2029-02-27" }],
])("a filtering exception approved on %s for %i days", (approvedOn, days, expected) => {
  expect(filteringPeriod(approvedOn, days)).toEqual(expected);
});

test.each([
  ["2026-03-01", "2026-06-30", { startsOn: "2026-03-01", endsOn: "2026-06-30" }],
  ["2026-03-01", "2026-03-01", null],
  ["2026-03-01", "2026-02-01", null],
])("a delegation approved on %s until %s", (approvedOn, endDate, expected) => {
  expect(delegationPeriod(approvedOn, endDate)).toEqual(expected);
});

describe("reminderDue: the last week, once", () => {
  test.each([
    ["2026-03-23", false, false],
    ["2026-03-24", false, true],
    ["2026-03-30", false, true],
    ["2026-03-24", true, false],
    ["2026-03-31", false, false],
  ] as const)("on %s, reminded %s: %s", (today, reminded, due) => {
    expect(reminderDue({ ...period, reminded }, today)).toBe(due);
  });
});

describe("removalDue: from the end date, once", () => {
  test.each([
    ["2026-03-30", false, false],
    ["2026-03-31", false, true],
    ["2026-05-01", false, true],
    ["2026-03-31", true, false],
  ] as const)("on %s, filed %s: %s", (today, removalFiled, due) => {
    expect(removalDue({ ...period, removalFiled }, today)).toBe(due);
  });
});

describe("anniversaries", () => {
  test.each([
    ["2026-03-01", "2027-03-01"],
    ["2028-02-29", "2029-02-28"],
  ])("the anniversary after %s is %s", (from, next) => {
    expect(nextAnniversary(from)).toBe(next);
  });

  const delegation = { startsOn: "2026-03-01", endsOn: "2028-06-30", reviewDueOn: "2027-03-01", ended: false };
  test.each([
    ["2027-02-28", delegation, false],
    ["2027-03-01", delegation, true],
    ["2027-03-01", { ...delegation, ended: true }, false],
    ["2028-07-01", delegation, false],
  ] as const)("on %s: %s", (today, entry, due) => {
    expect(anniversaryDue(entry, today)).toBe(due);
  });
});

describe("delegation gaps in ouvert mode", () => {
  test.each([
    ["B204", "Salles B204, B205", true],
    ["b205 ", "Salles B204 et B205", true],
    ["B20", "Salles B204, B205", false],
    ["Salle 12", "salle 12 (tous les postes)", true],
    ["CDI", "Postes du CDI", true],
    ["CDI", "Postes du CDIE", false],
  ])("room %s in scope %s: %s", (room, scope, covered) => {
    expect(scopeCoversRoom(scope, room)).toBe(covered);
  });

  const rooms = [
    { room: "B204", supportMode: "ouvert" as const },
    { room: "CDI", supportMode: "ouvert" as const },
    { room: "Labo", supportMode: "hors_perimetre" as const },
  ];
  test.each([
    [{ supportMode: "ouvert" as const, rooms: [] }, [], { school: true, rooms: [] }],
    [{ supportMode: "ouvert" as const, rooms: [] }, [{ scope: "Tout l'établissement" }], { school: false, rooms: [] }],
    [{ supportMode: "normal" as const, rooms: [] }, [], { school: false, rooms: [] }],
    [{ supportMode: "normal" as const, rooms }, [], { school: false, rooms: ["B204", "CDI"] }],
    [{ supportMode: "normal" as const, rooms }, [{ scope: "Salle B204" }], { school: false, rooms: ["CDI"] }],
    [{ supportMode: "hors_perimetre" as const, rooms }, [{ scope: "B204" }, { scope: "CDI" }], { school: false, rooms: [] }],
  ])("%o with %o", (school, inForce, gaps) => {
    expect(delegationGaps(school, inForce)).toEqual(gaps);
  });
});

describe("delegationReviewsAfter an account change", () => {
  const head = (schools: string[], extra: Partial<NonNullable<AccountFacts>> = {}): AccountFacts => ({
    functionCode: "chef_etablissement",
    establishmentIds: schools,
    disabled: false,
    ...extra,
  });
  const csl = (schools: string[], extra: Partial<NonNullable<AccountFacts>> = {}): AccountFacts =>
    head(schools, { functionCode: "csl", ...extra });
  test.each([
    ["a head created", null, head(["a"]), { headChanged: ["a"], left: [] }],
    ["a CSL created", null, csl(["a"]), { headChanged: [], left: [] }],
    ["a CSL made head", csl(["a"]), head(["a"]), { headChanged: ["a"], left: [] }],
    ["a head made adjoint", head(["a"]), csl(["a"], { functionCode: "adjoint" }), { headChanged: ["a"], left: [] }],
    ["a head disabled", head(["a"]), head(["a"], { disabled: true }), { headChanged: ["a"], left: ["a"] }],
    ["a head moved to b", head(["a"]), head(["b"]), { headChanged: ["a", "b"], left: ["a"] }],
    ["a CSL leaving a", csl(["a", "b"]), csl(["b"]), { headChanged: [], left: ["a"] }],
    ["a CSL disabled", csl(["a"]), csl(["a"], { disabled: true }), { headChanged: [], left: ["a"] }],
    ["a disabled CSL removed", csl(["a"], { disabled: true }), csl([], { disabled: true }), { headChanged: [], left: [] }],
    ["a CSL renamed", csl(["a"]), csl(["a"]), { headChanged: [], left: [] }],
  ])("%s", (_, before, after, expected) => {
    expect(delegationReviewsAfter(before, after)).toEqual(expected);
  });
});

describe("registerScope", () => {
  const caller = { zoneId: null, establishmentIds: [] as string[], teamIds: [] as string[] };
  const school = { id: "s1", zoneId: "z1" };
  test.each([
    [{ ...caller, role: "admin" as const }, true],
    [{ ...caller, role: "service_lead" as const }, true],
    [{ ...caller, role: "technician" as const, teamIds: ["secu"] }, true],
    [{ ...caller, role: "technician" as const, teamIds: ["prox"] }, false],
    [{ ...caller, role: "sector_lead" as const, zoneId: "z1" }, true],
    [{ ...caller, role: "sector_lead" as const, zoneId: "z2" }, false],
    [{ ...caller, role: "manager" as const, establishmentIds: ["s1"] }, true],
    [{ ...caller, role: "requester" as const, establishmentIds: ["s2"] }, false],
    [{ ...caller, role: "academy_agent" as const }, false],
    [{ ...caller, role: "vendor_agent" as const }, false],
  ])("%o sees the school: %s", (who, sees) => {
    expect(scopeIncludes(registerScope(who, "secu"), school)).toBe(sees);
  });
});

test.each([
  [{ role: "manager" as const, establishmentIds: ["s1"] }, true],
  [{ role: "manager" as const, establishmentIds: ["s2"] }, false],
  [{ role: "requester" as const, establishmentIds: ["s1"] }, false],
  [{ role: "admin" as const, establishmentIds: [] }, true],
  [{ role: "technician" as const, establishmentIds: [] }, false],
])("canReviewDelegations %o: %s", (caller, allowed) => {
  expect(canReviewDelegations(caller, "s1")).toBe(allowed);
});
