import { expect, test } from "vitest";
import { priorityOf } from "./priority";
import catalogue from "@/db/seed/data/service-catalogue.json";
import { IMPACTS, URGENCIES } from "./vocabulary";

test.each([
  ["school", "high", "P1"],
  ["school", "medium", "P2"],
  ["school", "low", "P3"],
  ["group", "high", "P2"],
  ["group", "medium", "P3"],
  ["group", "low", "P3"],
  ["individual", "high", "P3"],
  ["individual", "medium", "P3"],
  ["individual", "low", "P4"],
] as const)("impact %s, urgency %s → %s", (impact, urgency, expected) => {
  expect(priorityOf(impact, urgency)).toBe(expected);
});

test("agrees with the reference catalogue's matrix", () => {
  for (const impact of IMPACTS) {
    for (const urgency of URGENCIES) {
      expect(priorityOf(impact, urgency)).toBe(catalogue.priority_matrix.priority[impact][urgency]);
    }
  }
});
