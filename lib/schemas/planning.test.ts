import { describe, expect, test } from "vitest";
import { fieldErrors } from "./field-errors";
import { absenceSchema, planningQuerySchema, planVisitSchema, setReferentsSchema } from "./planning";

const TECH = "8da72dae-de2e-47a7-9350-4bfe1fba243d";
const errorsOf = (result: { success: boolean; error?: Parameters<typeof fieldErrors>[0] }) =>
  result.success ? [] : fieldErrors(result.error!).map((error) => [error.field, error.message]);

describe("absences", () => {
  test.each([
    ["one day", { startsOn: "2026-12-08", endsOn: "2026-12-08" }, []],
    ["a week", { startsOn: "2026-12-07", endsOn: "2026-12-11" }, []],
    ["ending before it starts", { startsOn: "2026-12-08", endsOn: "2026-12-07" }, [["endsOn", "planning.errors.endBeforeStart"]]],
    ["not a date", { startsOn: "2026-02-30", endsOn: "2026-12-07" }, [["startsOn", "planning.errors.date"]]],
  ])("%s", (_label, dates, expected) => {
    expect(errorsOf(absenceSchema.safeParse({ technicianId: TECH, ...dates }))).toEqual(expected);
  });
});

describe("referents", () => {
  test.each([
    [{ referent: TECH }, { referent: TECH }],
    [
      { referent: TECH, backup: "" },
      { referent: TECH, backup: null },
    ],
    [
      { referent: TECH, backup: null },
      { referent: TECH, backup: null },
    ],
  ])("%j reads as %j", (input, expected) => {
    expect(setReferentsSchema.parse(input)).toEqual(expected);
  });
  test("the referent is required", () => {
    expect(errorsOf(setReferentsSchema.safeParse({ backup: TECH }))).toEqual([["referent", "planning.errors.referentRequired"]]);
  });
});

describe("planning a visit", () => {
  test.each([
    ["a proposed slot", { slot: `2026-12-08|am|${TECH}` }, { onDate: "2026-12-08", halfDay: "am", technicianId: TECH }],
    ["another date", { slot: "other", onDate: "2026-12-09", halfDay: "pm" }, { onDate: "2026-12-09", halfDay: "pm", technicianId: null }],
    ["a date without a slot", { onDate: "2026-12-09", halfDay: "am" }, { onDate: "2026-12-09", halfDay: "am", technicianId: null }],
  ])("%s", (_label, input, expected) => {
    expect(planVisitSchema.parse({ reference: "GU-2026-000001", ...input })).toEqual({ reference: "GU-2026-000001", ...expected });
  });
  test.each([
    ["nothing chosen", { slot: "other" }],
    ["a broken slot", { slot: "2026-12-08|noon|x" }],
    ["a date without its half-day", { slot: "other", onDate: "2026-12-09" }],
  ])("%s is refused", (_label, input) => {
    expect(errorsOf(planVisitSchema.safeParse({ reference: "GU-2026-000001", ...input }))).toEqual([
      ["onDate", "planning.errors.slotRequired"],
    ]);
  });
});

test.each(["2026-W50", "2026-W53", "2027-W01"])("week %s is accepted", (week) => {
  expect(planningQuerySchema.safeParse({ week }).success).toBe(true);
});
test.each(["2026-50", "2027-W53", "2026-W00", "W50", undefined])("week %s is refused", (week) => {
  expect(errorsOf(planningQuerySchema.safeParse({ week }))).toEqual([["week", "planning.errors.week"]]);
});
