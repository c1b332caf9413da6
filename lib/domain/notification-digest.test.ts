import { expect, test } from "vitest";
import { digestKey, digestSlotName, isDigestSlot, latestDigestSlot } from "./notification-digest";

const at = (iso: string) => new Date(iso);

test.each([
  ["Friday 11:59 Paris: Thursday's 17:00", "2026-12-04T10:59:00Z", "2026-12-03T17:00"],
  ["Friday 12:00 Paris exactly", "2026-12-04T11:00:00Z", "2026-12-04T12:00"],
  ["Friday 16:59 Paris", "2026-12-04T15:59:00Z", "2026-12-04T12:00"],
  ["Friday 17:00 Paris", "2026-12-04T16:00:00Z", "2026-12-04T17:00"],
  ["Sunday: Friday's 17:00", "2026-12-06T10:00:00Z", "2026-12-04T17:00"],
  ["Monday 09:00: Friday's 17:00", "2026-12-07T08:00:00Z", "2026-12-04T17:00"],
  ["Christmas (holiday) afternoon: the 24th's 17:00", "2026-12-25T15:00:00Z", "2026-12-24T17:00"],
  ["summer time: 12:00 Paris is 10:00 UTC", "2026-07-01T10:00:00Z", "2026-07-01T12:00"],
] as const)("%s", (_label, now, expected) => {
  expect(digestSlotName(latestDigestSlot(at(now))!)).toBe(expected);
});

test.each([
  ["2026-12-04T11:00:00Z", true],
  ["2026-12-04T16:00:00Z", true],
  ["2026-12-04T11:00:01Z", false],
  ["2026-12-04T12:00:00Z", false],
  ["2026-12-05T11:00:00Z", false],
  ["2026-12-25T11:00:00Z", false],
] as const)("%s is a slot: %s", (instant, expected) => {
  expect(isDigestSlot(at(instant))).toBe(expected);
});

test("one key per person and slot", () => {
  expect(digestKey("u1", at("2026-12-04T16:00:00Z"))).toBe("digest:u1:2026-12-04T17:00");
});
