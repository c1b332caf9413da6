import { expect, test } from "vitest";
import { addYears, lifecycleOf, wholeYears, type LifecycleFacts } from "./ci-lifecycle";

const base: LifecycleFacts = {
  class: "pc",
  funding: "region",
  status: "production",
  purchaseDate: "2019-08-20",
  deliveryDate: "2019-09-16",
  warrantyEndOverride: null,
};
const TODAY = "2025-03-01";

test.each<[string, Partial<LifecycleFacts>, string | null, "override" | "rule" | null]>([
  ["a Région desktop: 5 years from delivery", {}, "2024-09-16", "rule"],
  ["a Région laptop: 3 years", { class: "laptop" }, "2022-09-16", "rule"],
  ["no delivery date: from purchase", { deliveryDate: null }, "2024-08-20", "rule"],
  ["own funds: no warranty known", { funding: "own_funds" }, null, null],
  ["a server: no rule", { class: "server" }, null, null],
  ["overridden (extended warranty)", { warrantyEndOverride: "2026-09-16" }, "2026-09-16", "override"],
  ["override on own funds", { funding: "own_funds", warrantyEndOverride: "2025-12-31" }, "2025-12-31", "override"],
  ["no dates at all", { purchaseDate: null, deliveryDate: null }, null, null],
])("warranty end: %s", (_case, facts, end, source) => {
  const life = lifecycleOf({ ...base, ...facts }, TODAY);
  expect(life.warrantyEnd).toBe(end);
  expect(life.warrantySource).toBe(source);
});

test.each<[string, Partial<LifecycleFacts>, string, string | null, boolean]>([
  ["before the 5 years: still the Région's", {}, "2024-09-15", "2024-09-16", false],
  ["on the day: the school's", {}, "2024-09-16", "2024-09-16", true],
  ["own funds: always the school's", { funding: "own_funds" }, "2020-01-01", null, true],
  ["no date: the Région's", { purchaseDate: null, deliveryDate: null }, TODAY, null, false],
])("ownership: %s", (_case, facts, today, transfer, owned) => {
  const life = lifecycleOf({ ...base, ...facts }, today);
  expect(life.ownershipTransfer).toBe(transfer);
  expect(life.ownedBySchool).toBe(owned);
});

test.each<[string, Partial<LifecycleFacts>, string, number, boolean, "obsolete" | "aged" | null]>([
  ["5 years old, out of warranty, under the 6-year age", {}, TODAY, 6, false, null],
  ["6 years old and out of warranty", {}, "2025-09-16", 6, true, "aged"],
  ["the age is configurable: 5 years", {}, TODAY, 5, true, "aged"],
  ["old but still under an extended warranty", { warrantyEndOverride: "2026-12-31" }, "2025-09-16", 6, false, null],
  ["obsolete whatever its age", { status: "obsolete", deliveryDate: "2024-01-10" }, TODAY, 6, true, "obsolete"],
  ["disposed: never proposed", { status: "disposed" }, "2030-01-01", 6, false, null],
  ["no warranty known (a 2005 switch): by age alone", { class: "network_switch", deliveryDate: "2005-06-01" }, TODAY, 6, true, "aged"],
  ["no date: not proposed", { purchaseDate: null, deliveryDate: null }, TODAY, 6, false, null],
])("renewal: %s", (_case, facts, today, age, candidate, reason) => {
  const life = lifecycleOf({ ...base, ...facts }, today, age);
  expect(life.renewalCandidate).toBe(candidate);
  expect(life.renewalReason).toBe(reason);
});

test.each([
  ["2016-02-29", 5, "2021-02-28"],
  ["2016-02-29", 4, "2020-02-29"],
  ["2019-09-16", 5, "2024-09-16"],
  ["2019-12-31", 1, "2020-12-31"],
])("%s + %i years = %s (as PostgreSQL's date + interval)", (day, years, expected) => {
  expect(addYears(day, years)).toBe(expected);
});

test.each([
  ["2019-09-16", "2024-09-15", 4],
  ["2019-09-16", "2024-09-16", 5],
  ["2013-09-16", "2025-03-01", 11],
  ["2025-03-01", "2025-03-01", 0],
])("age from %s on %s: %i", (start, today, years) => {
  expect(wholeYears(start, today)).toBe(years);
});
