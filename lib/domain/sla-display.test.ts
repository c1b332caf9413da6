import { translatorFor } from "@/i18n/text";
import { describe, expect, test } from "vitest";
import { at, P1, ticket } from "@/tests/support/sla-facts";
import { DEFAULT_CALENDAR } from "./business-calendar";
import { computeSla } from "./sla";
import {
  complianceRate,
  formatRemaining,
  latestEscalationRole,
  nextDeadline,
  repairCommitment,
  repairTimeChoice,
  slaBadge,
  timerBadge,
  vendorBadge,
  type StoredSla,
} from "./sla-display";

const OWN_BY = new Date("2026-11-23T10:00:00Z");
const RESOLVE_BY = new Date("2026-11-24T08:00:00Z");
const row = (overrides: Partial<StoredSla>): StoredSla => ({
  status: "new",
  slaState: "ok",
  ownBy: OWN_BY,
  resolveBy: RESOLVE_BY,
  ownMet: null,
  resolveMet: null,
  ...overrides,
});

describe("slaBadge: one word per row from the stored columns", () => {
  test.each([
    ["a new ticket within its deadlines", row({}), "ok"],
    ["at risk", row({ slaState: "at_risk", status: "in_progress" }), "at_risk"],
    ["breached", row({ slaState: "breached", status: "assigned" }), "breached"],
    ["waiting for the requester", row({ status: "waiting_requester", slaState: "at_risk" }), "paused"],
    ["breached before the pause stays breached", row({ status: "waiting_requester", slaState: "breached" }), "breached"],
    ["waiting for a vendor does not pause", row({ status: "waiting_vendor", slaState: "ok" }), "ok"],
    ["no commitment (hors périmètre)", row({ slaState: null, ownBy: null, resolveBy: null }), "none"],
    ["resolved in time", row({ status: "resolved", resolveMet: true, ownMet: true }), "met"],
    ["closed late", row({ status: "closed", resolveMet: false, ownMet: true }), "missed"],
    ["cancelled in time", row({ status: "cancelled" }), "none"],
    ["cancelled after its deadline", row({ status: "cancelled", resolveMet: false }), "missed"],
  ] as const)("%s → %s", (_name, input, badge) => {
    expect(slaBadge(input)).toBe(badge);
  });
});

describe("nextDeadline: to own first, then to resolve", () => {
  test.each([
    ["nobody owns it yet", row({}), { timer: "tto", dueAt: OWN_BY }],
    ["owned (met or late): the resolution", row({ ownMet: true }), { timer: "ttr", dueAt: RESOLVE_BY }],
    ["owned late", row({ ownMet: false, status: "in_progress" }), { timer: "ttr", dueAt: RESOLVE_BY }],
    ["resolved: nothing next", row({ status: "resolved", ownMet: true, resolveMet: true }), null],
    ["no commitment", row({ ownBy: null, resolveBy: null, slaState: null }), null],
  ] as const)("%s", (_name, input, expected) => {
    expect(nextDeadline(input)).toEqual(expected);
  });
});

describe("timerBadge and vendorBadge", () => {
  test.each([
    [{ state: "ok", paused: false, metAt: null }, "ok"],
    [{ state: "at_risk", paused: false, metAt: null }, "at_risk"],
    [{ state: "ok", paused: true, metAt: null }, "paused"],
    [{ state: "breached", paused: true, metAt: null }, "breached"],
    [{ state: "breached", paused: false, metAt: OWN_BY }, "late"],
    [{ state: "met", paused: false, metAt: OWN_BY }, "met"],
    [{ state: "cancelled", paused: false, metAt: null }, "cancelled"],
  ] as const)("%o → %s", (timer, badge) => {
    expect(timerBadge(timer)).toBe(badge);
  });

  test.each([
    [{ state: null, endedAt: null }, "none"],
    [{ state: "ok", endedAt: null }, "ok"],
    [{ state: "breached", endedAt: null }, "breached"],
    [{ state: "breached", endedAt: OWN_BY }, "late"],
    [{ state: "met", endedAt: OWN_BY }, "met"],
  ] as const)("vendor %o → %s", (vendor, badge) => {
    expect(vendorBadge(vendor)).toBe(badge);
  });
});

test.each([
  [0, 0, null],
  [3, 4, 0.75],
  [4, 4, 1],
])("complianceRate(%i, %i) = %s", (met, total, rate) => {
  expect(complianceRate(met, total)).toBe(rate);
});

test("complianceRate refuses more met than measured", () => {
  expect(() => complianceRate(5, 4)).toThrow(RangeError);
});

test.each([
  [null, { mode: "none" }],
  [{ nextBusinessDay: true }, { mode: "next_business_day" }],
  [{ businessMinutes: 480 }, { mode: "hours", hours: 8 }],
] as const)("repair time %o ↔ %o", (commitment, choice) => {
  expect(repairTimeChoice(commitment)).toEqual(choice);
  expect(repairCommitment(choice)).toEqual(commitment);
});

test("latestEscalationRole reads the last SLA escalation, not a manual one", () => {
  expect(latestEscalationRole([])).toBeNull();
  expect(
    latestEscalationRole([
      { kind: "escalated", data: { target: "sla", level: 1, role: "sector_lead" } },
      { kind: "comment", data: {} },
      { kind: "escalated", data: { target: "sla", level: 2, role: "service_lead" } },
      { kind: "escalated", data: { target: "vendor", targetLabel: "SCC" } },
    ]),
  ).toBe("service_lead");
  expect(latestEscalationRole([{ kind: "escalated", data: { target: "sla", role: 42 } }])).toBeNull();
});

describe("formatRemaining", () => {
  const fr = translatorFor("fr");
  const nb = (text: string) => text.replaceAll("_", "\u00a0");
  test.each([
    [150, "reste 2_h_30 ouvrées"],
    [45, "reste 45_min ouvrées"],
    [60, "reste 1_h ouvrée"],
    [1, "reste 1_min ouvrée"],
    [0.2, "reste 1_min ouvrée"], // time left rounds up: never "reste 0 min"
    [59.5, "reste 1_h ouvrée"],
    [6000, "reste 100_h ouvrées"],
    [0, "échéance atteinte"],
    [-0.5, "échéance atteinte"],
    [-45, "dépassé de 45_min ouvrées"],
    [-45.7, "dépassé de 45_min ouvrées"], // lateness rounds down
    [-60, "dépassé de 1_h ouvrée"],
    [-90, "dépassé de 1_h_30 ouvrées"],
  ])("%s min → %s", (minutes, expected) => {
    expect(formatRemaining(minutes, fr)).toBe(nb(expected));
  });

  test.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])("rejects %s", (minutes) => {
    expect(() => formatRemaining(minutes, fr)).toThrow(RangeError);
  });

  test("reads a computed SLA", () => {
    const sla = computeSla(DEFAULT_CALENDAR, P1, ticket("2026-06-08T06:00:00Z"), at("2026-06-08T07:15:00Z"));
    expect(formatRemaining(sla.remaining.resolve, fr)).toBe(nb("reste 2_h_45 ouvrées"));
    expect(formatRemaining(sla.remaining.own, fr)).toBe(nb("dépassé de 45_min ouvrées"));
  });
});
