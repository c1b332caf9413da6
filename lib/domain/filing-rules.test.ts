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

describe("equipment survey once campaigns are declared", () => {
  const campaign = (year: number, from: string, to: string) => ({
    year,
    survey: { from, to },
    analysis: { from: `${year}-04-10`, to: `${year}-05-31` },
    allocation: { from: `${year}-06-10`, to: `${year}-06-30` },
    delivery: { from: `${year}-10-01`, to: `${year}-11-15` },
  });
  const campaigns = [campaign(2027, "2027-02-15", "2027-04-05"), campaign(2028, "2028-01-20", "2028-03-10")];

  test.each([
    ["2027-02-14T22:59:00Z", "before the 2027 survey (23:59 in Paris)", { campaign: 2027, day: 15, month: "filing.months.2", year: 2027 }],
    ["2027-02-14T23:00:00Z", "its first day in Paris", null],
    ["2027-04-05T12:00:00Z", "its last day, in April, outside the seeds' months", null],
    ["2027-04-06T12:00:00Z", "after it, in the analysis", { campaign: 2028, day: 20, month: "filing.months.1", year: 2028 }],
  ])("%s (%s)", (instant, _label, values) => {
    const refusal = filingRefusal(dotation, "normal", new Date(instant), campaigns);
    expect(refusal).toEqual(
      values === null ? null : { code: "equipment_survey_closed", message: "filing.refusals.campaignSurveyClosed", values },
    );
  });

  test("after the last declared campaign, the seeds' calendar names the next opening", () => {
    expect(filingRefusal(dotation, "normal", new Date("2028-06-01T10:00:00Z"), campaigns)).toEqual({
      code: "equipment_survey_closed",
      message: "filing.refusals.surveyClosed",
      values: { month: "filing.months.2", year: 2029 },
    });
  });

  test("other categories ignore the campaigns", () => {
    expect(filingRefusal(software, "normal", new Date("2027-04-06T12:00:00Z"), campaigns)).toBeNull();
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
