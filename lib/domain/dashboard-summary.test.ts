import { describe, expect, test } from "vitest";
import type { Period } from "./dashboard-period";
import { summaryAnswers, summaryKindFor } from "./dashboard-summary";
import type { Role } from "./vocabulary";

const ninety: Period = { kind: "90d", from: "2026-09-07", to: "2026-12-05" };

describe("summaryKindFor: only the view over every zone, for readers of every zone, over a preset", () => {
  test.each<[Role, string | null, Period, string | null]>([
    ["admin", null, ninety, "90d"],
    ["service_lead", null, ninety, "90d"],
    ["admin", null, { kind: "30d", from: "2026-11-06", to: "2026-12-05" }, "30d"],
    ["admin", null, { kind: "school-year", from: "2026-09-01", to: "2026-12-05" }, "school-year"],
    // A custom range (the annual report's school year too) is computed on demand.
    ["admin", null, { kind: "custom", from: "2026-09-07", to: "2026-12-05" }, null],
    // One zone is a few dozen schools: computed on demand.
    ["admin", "OUEST", ninety, null],
    // A sector lead's "Région" is their own zones, not every school's figures.
    ["sector_lead", null, ninety, null],
    ["manager", null, ninety, null],
    ["technician", null, ninety, null],
  ])("%s, zone %s, %j → %s", (role, zone, period, kind) => {
    expect(summaryKindFor({ role }, zone, period)).toBe(kind);
  });
});

describe("summaryAnswers: the same preset over the same days", () => {
  test.each<[string, Period, boolean]>([
    ["the same period", ninety, true],
    ["yesterday's 90 days (computed before midnight)", { kind: "90d", from: "2026-09-06", to: "2026-12-04" }, false],
    ["another preset", { kind: "30d", from: "2026-11-06", to: "2026-12-05" }, false],
    ["a custom range over the same days", { kind: "custom", from: "2026-09-07", to: "2026-12-05" }, false],
  ])("%s → %s", (_, summarized, answers) => {
    expect(summaryAnswers(summarized, ninety)).toBe(answers);
  });
});
