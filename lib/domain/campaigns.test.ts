import { describe, expect, test } from "vitest";
import {
  campaignMoment,
  canAllocate,
  canEditRequest,
  cutsWithoutReason,
  nextSurveyOpening,
  openSurvey,
  phaseOrderFault,
  progressOf,
  theoreticalNeed,
  withinEnvelope,
  type CampaignDates,
} from "./campaigns";

const c2027: CampaignDates = {
  year: 2027,
  survey: { from: "2027-02-01", to: "2027-03-31" },
  analysis: { from: "2027-04-01", to: "2027-05-31" },
  allocation: { from: "2027-06-15", to: "2027-07-05" },
  delivery: { from: "2027-10-01", to: "2027-11-15" },
};
const c2028: CampaignDates = {
  year: 2028,
  survey: { from: "2028-02-01", to: "2028-03-31" },
  analysis: { from: "2028-04-01", to: "2028-05-31" },
  allocation: { from: "2028-06-01", to: "2028-06-30" },
  delivery: { from: "2028-10-01", to: "2028-11-15" },
};

describe("campaignMoment", () => {
  test.each([
    ["2027-01-31", "upcoming"],
    ["2027-02-01", "survey"],
    ["2027-03-31", "survey"],
    ["2027-04-01", "analysis"],
    ["2027-05-31", "analysis"],
    ["2027-06-01", "between"],
    ["2027-06-15", "allocation"],
    ["2027-07-05", "allocation"],
    ["2027-09-30", "between"],
    ["2027-10-01", "delivery"],
    ["2027-11-15", "delivery"],
    ["2027-11-16", "closed"],
  ])("%s → %s", (today, moment) => {
    expect(campaignMoment(c2027, today)).toBe(moment);
  });
});

describe("phaseOrderFault", () => {
  test.each([
    ["in order", c2027, null],
    ["a survey ending before it starts", { ...c2027, survey: { from: "2027-03-01", to: "2027-02-01" } }, { phase: "survey", field: "to" }],
    [
      "an analysis starting on the survey's last day",
      { ...c2027, analysis: { from: "2027-03-31", to: "2027-05-31" } },
      { phase: "analysis", field: "from" },
    ],
    [
      "a delivery before the allocation",
      { ...c2027, delivery: { from: "2027-06-01", to: "2027-06-10" } },
      { phase: "delivery", field: "from" },
    ],
    [
      "one-day phases back to back",
      {
        year: 2027,
        survey: { from: "2027-02-01", to: "2027-02-01" },
        analysis: { from: "2027-02-02", to: "2027-02-02" },
        allocation: { from: "2027-02-03", to: "2027-02-03" },
        delivery: { from: "2027-02-04", to: "2027-02-04" },
      },
      null,
    ],
  ])("%s", (_label, phases, fault) => {
    expect(phaseOrderFault(phases)).toEqual(fault);
  });
});

describe("survey windows", () => {
  test.each([
    ["2027-02-10", 2027, { year: 2028, day: "2028-02-01" }],
    ["2027-01-10", null, { year: 2027, day: "2027-02-01" }],
    ["2027-06-10", null, { year: 2028, day: "2028-02-01" }],
    ["2028-04-10", null, null],
  ])("on %s the open survey is %s and the next opening %o", (today, open, next) => {
    expect(openSurvey([c2028, c2027], today)?.year ?? null).toBe(open);
    const found = nextSurveyOpening([c2028, c2027], today);
    expect(found ? { year: found.campaign.year, day: found.day } : null).toEqual(next);
  });
});

describe("what each moment allows", () => {
  test.each([
    ["survey", "draft", true, false],
    ["survey", "submitted", false, false],
    ["survey", "approved", false, false],
    ["upcoming", "draft", false, false],
    ["analysis", "draft", false, false],
    ["analysis", "submitted", false, false],
    ["analysis", "approved", false, true],
    ["allocation", "approved", false, false],
  ] as const)("%s, %s: edit %s, allocate %s", (moment, status, edit, allocate) => {
    expect(canEditRequest(moment, status)).toBe(edit);
    expect(canAllocate(moment, status)).toBe(allocate);
  });
});

describe("analysis rules", () => {
  test.each([
    [null, 4, null],
    [400, 4, 100],
    [401, 4, 101],
    [10, 0, null],
  ])("pupils %s at %s per workstation → %s", (pupils, ratio, need) => {
    expect(theoreticalNeed(pupils, ratio)).toBe(need);
  });

  test("a cut needs a reason; granting all or more does not", () => {
    expect(
      cutsWithoutReason([
        { requested: 10, granted: 10, reason: null },
        { requested: 10, granted: 6, reason: "  " },
        { requested: 10, granted: 0, reason: "Salle rénovée en 2026" },
        { requested: 2, granted: 0, reason: null },
      ]),
    ).toEqual([1, 3]);
  });

  test.each([
    [10_000, 4_000, 6_000, true],
    [10_000, 4_000, 6_001, false],
    [null, 0, 0, false],
    [0, 0, 0, true],
  ])("envelope %s, others %s, this school %s → within %s", (envelope, otherSchoolsCost, thisSchoolCost, within) => {
    expect(withinEnvelope({ envelope, otherSchoolsCost, thisSchoolCost })).toBe(within);
  });

  test.each([
    [null, "not_started"],
    [{ status: "draft", allocatedAt: null }, "draft"],
    [{ status: "submitted", allocatedAt: null }, "submitted"],
    [{ status: "approved", allocatedAt: null }, "approved"],
    [{ status: "approved", allocatedAt: new Date(0) }, "allocated"],
  ] as const)("progress of %o is %s", (request, progress) => {
    expect(progressOf(request)).toBe(progress);
  });
});
