import { describe, expect, test } from "vitest";
import catalogue from "@/db/seed/data/service-catalogue.json";
import type { ApproverKind } from "./vocabulary";
import { asksSignedRequest, equipmentSurveyOpen, filingFlags, filingRefusal } from "./filing-rules";

const dotation = { code: "EQUIP-DOTATION", type: "request", hardware: false } as const;
const pcDown = { code: "POSTE-PANNE", type: "incident", hardware: true } as const;
const software = { code: "LOGPED-INSTALL", type: "request", hardware: false } as const;
const toner = { code: "IMPR-CONSOMMABLE", type: "incident", hardware: false } as const;

describe("equipment survey", () => {
  test.each([
    ["2027-01-31T22:59:00Z", false], // 23:59 on 31 January in Paris
    ["2027-01-31T23:00:00Z", true], // midnight, 1 February in Paris
    ["2027-03-31T21:59:00Z", true],
    ["2027-03-31T22:00:00Z", false], // 1 April in Paris (summer time)
    ["2026-11-23T10:00:00Z", false],
  ])("%s → open %s", (instant, open) => {
    expect(equipmentSurveyOpen(new Date(instant))).toBe(open);
  });

  test("outside the survey a dotation request is refused with the calendar and the next opening", () => {
    const refusal = filingRefusal(dotation, "normal", new Date("2026-11-23T10:00:00Z"));
    expect(refusal?.code).toBe("equipment_survey_closed");
    expect(refusal).toEqual({
      code: "equipment_survey_closed",
      message: "filing.refusals.surveyClosed",
      values: { month: "filing.months.2", year: 2027 },
    });
    expect(filingRefusal(dotation, "normal", new Date("2027-01-10T10:00:00Z"))?.values).toEqual({ month: "filing.months.2", year: 2027 });
    expect(filingRefusal(dotation, "normal", new Date("2027-02-10T10:00:00Z"))).toBeNull();
  });
});

describe("support modes", () => {
  const now = new Date("2027-02-10T10:00:00Z");
  test.each([
    ["normal", software, null],
    ["ouvert", software, null],
    ["hors_perimetre", pcDown, null],
    ["hors_perimetre", software, "out_of_scope"],
    ["hors_perimetre", toner, "out_of_scope"],
    ["hors_perimetre", dotation, "out_of_scope"],
  ] as const)("%s school filing %s → %s", (mode, category, code) => {
    expect(filingRefusal(category, mode, now)?.code ?? null).toBe(code);
  });
});

test.each([
  [pcDown, 0, ["hors_inventaire"]],
  [pcDown, 1, []],
  [software, 0, []],
  [toner, 0, []],
] as const)("flags for %o with %d CIs", (category, count, flags) => {
  expect(filingFlags(category, count)).toEqual(flags);
});

const catalogueCategory = (code: string) =>
  catalogue.services.flatMap((service) => service.categories).find((category) => category.code === code);
test.each([
  ["SEC-FILTRAGE", true],
  ["SRV-DELEGATION", true],
  ["LOGPED-QUALIF", true],
  ["EQUIP-DOTATION", false],
  ["POSTE-IMAC", false],
  ["POSTE-PANNE", false],
])("%s asks for a signed request: %s", (code, expected) => {
  const category = catalogueCategory(code);
  expect(category).toBeDefined();
  const approval = category && "approval" in category ? (category.approval as { levels: ApproverKind[] }) : null;
  expect(asksSignedRequest({ approvalLevels: approval?.levels ?? [] })).toBe(expected);
});
