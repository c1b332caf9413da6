import { describe, expect, it } from "vitest";
import {
  announcementPhase,
  concernedSchools,
  concernsSchool,
  concernsService,
  endOnResolution,
  type AnnouncementScope,
} from "./announcements";

const scope = (partial: Partial<AnnouncementScope>): AnnouncementScope => ({ zones: [], establishments: [], services: [], ...partial });
const choiseul = { uai: "0370037P", zoneCode: "OUEST" };
const palissy = { uai: "0450029M", zoneCode: "EST" };

describe("concernsSchool", () => {
  it.each([
    ["everyone", scope({}), choiseul, true],
    ["its zone", scope({ zones: ["OUEST"] }), choiseul, true],
    ["another zone", scope({ zones: ["OUEST"] }), palissy, false],
    ["listed by UAI", scope({ establishments: ["0450029M"] }), palissy, true],
    ["not listed, no zone", scope({ establishments: ["0450029M"] }), choiseul, false],
    ["zone and schools add up", scope({ zones: ["OUEST"], establishments: ["0450029M"] }), palissy, true],
    ["services only: every school", scope({ services: ["RESEAU"] }), palissy, true],
  ])("%s", (_, announcement, school, expected) => {
    expect(concernsSchool(announcement, school)).toBe(expected);
  });
});

describe("concernsService", () => {
  it.each([
    ["every service", scope({}), "RESEAU", true],
    ["listed", scope({ services: ["RESEAU", "ENT"] }), "ENT", true],
    ["not listed", scope({ services: ["RESEAU"] }), "POSTE", false],
  ])("%s", (_, announcement, service, expected) => {
    expect(concernsService(announcement, service)).toBe(expected);
  });
});

describe("announcementPhase", () => {
  const period = { startsAt: new Date("2027-03-01T08:00:00Z"), endsAt: new Date("2027-03-01T12:00:00Z") };
  it.each([
    ["2027-03-01T07:59:59Z", "planned"],
    ["2027-03-01T08:00:00Z", "current"],
    ["2027-03-01T11:59:59Z", "current"],
    ["2027-03-01T12:00:00Z", "ended"],
  ])("at %s it is %s", (now, expected) => {
    expect(announcementPhase(period, new Date(now))).toBe(expected);
  });
});

describe("concernedSchools", () => {
  it("keeps the schools of the scope", () => {
    expect(concernedSchools(scope({ zones: ["OUEST"] }), [choiseul, palissy])).toEqual([choiseul]);
  });
});

describe("endOnResolution", () => {
  it.each([
    ["an outage still on ends now", "2027-03-01T12:00:00Z", "2027-03-01T10:00:00Z", "2027-03-01T10:00:00Z"],
    ["an ended one keeps its end", "2027-03-01T09:00:00Z", "2027-03-01T10:00:00Z", "2027-03-01T09:00:00Z"],
    ["one not started ends at its start", "2027-03-01T12:00:00Z", "2027-03-01T07:00:00Z", "2027-03-01T08:00:00Z"],
  ])("%s", (_, endsAt, now, expected) => {
    const period = { startsAt: new Date("2027-03-01T08:00:00Z"), endsAt: new Date(endsAt) };
    expect(endOnResolution(period, new Date(now)).toISOString()).toBe(new Date(expected).toISOString());
  });
});
