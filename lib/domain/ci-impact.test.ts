import { expect, test } from "vitest";
import { impactFloor, raiseImpact } from "./ci-impact";
import type { CiCriticality, Impact } from "./vocabulary";

test.each<[Impact, CiCriticality[], Impact]>([
  ["individual", [], "individual"],
  ["individual", ["low"], "individual"],
  ["individual", ["medium"], "group"],
  ["individual", ["high"], "school"],
  ["group", ["low", "high"], "school"],
  ["school", ["medium"], "school"],
  ["group", ["medium"], "group"],
])("%s with equipment %j → %s", (impact, criticalities, expected) => {
  expect(raiseImpact(impact, criticalities)).toBe(expected);
});

test("the widest floor wins", () => {
  expect(impactFloor(["medium", "high", "low"])).toBe("school");
  expect(impactFloor(["low"])).toBeNull();
});
