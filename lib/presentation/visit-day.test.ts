import { expect, test } from "vitest";
import { visitDay } from "./visit-day";

test.each([
  ["2026-12-08", "fr", "mardi 8 décembre"],
  ["2026-12-09", "fr", "mercredi 9 décembre"],
  ["2027-01-04", "fr", "lundi 4 janvier"],
  ["2026-12-08", "en", "Tuesday 8 December"],
] as const)("%s in %s reads %s", (date, locale, expected) => {
  expect(visitDay(date, locale)).toBe(expected);
});
