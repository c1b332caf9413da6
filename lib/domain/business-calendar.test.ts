import { translatorFor } from "@/i18n/text";
import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import {
  addBusinessMinutes,
  type BusinessCalendar,
  type IsoWeekday,
  businessMinutesBetween,
  DEFAULT_CALENDAR,
  easterSunday,
  formatBusinessDuration,
  frenchPublicHolidays,
  type PublicHoliday,
  isClosedDate,
  isOpenAt,
  MAX_DAYS_WITHOUT_OPENING,
  nextOpening,
  NoBusinessOpeningError,
  type WeeklyHours,
} from "./business-calendar";

const fr = translatorFor("fr");
/** The holidays with their French names, two names of one date joined as a person would say them. */
const named = (holidays: readonly PublicHoliday[]) =>
  holidays.map(({ date, names }) => ({ date, label: names.map((name) => fr(name)).join(" et ") }));

// Instants are written with an explicit offset (+01:00 winter, +02:00 summer) or in UTC (Z) for
// the daylight-saving tests, so the expected values never go through the code under test.
const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();
/** A local Paris wall-clock time, converted by luxon (independent of the module's own offset code). */
const paris = (local: string) => DateTime.fromISO(local, { zone: "Europe/Paris" }).toJSDate();

const NONE = [] as const;
const NO_HOURS: WeeklyHours = { 1: NONE, 2: NONE, 3: NONE, 4: NONE, 5: NONE, 6: NONE, 7: NONE };
const calendar = (weekly: Partial<WeeklyHours>, closures: BusinessCalendar["closures"] = []): BusinessCalendar => ({
  timeZone: "Europe/Paris",
  weekly: { ...NO_HOURS, ...weekly },
  holidays: "france",
  closures,
});

const DAY = [{ start: "07:30", end: "17:30" }];
const LUNCH = [
  { start: "08:00", end: "12:00" },
  { start: "13:30", end: "17:30" },
];
const LUNCH_CALENDAR = calendar({ 1: LUNCH, 2: LUNCH, 3: LUNCH, 4: LUNCH, 5: LUNCH });
const ALWAYS = [{ start: "00:00", end: "24:00" }];
const ALWAYS_CALENDAR = calendar({ 1: ALWAYS, 2: ALWAYS, 3: ALWAYS, 4: ALWAYS, 5: ALWAYS, 6: ALWAYS, 7: ALWAYS });
const WINTER_BREAK = { from: "2026-02-16", to: "2026-02-22", label: "Vacances d’hiver" };
const ON_SITE_CALENDAR: BusinessCalendar = { ...DEFAULT_CALENDAR, closures: [WINTER_BREAK] };

describe("French public holidays", () => {
  test.each([
    // year, Easter Sunday, Easter Monday, Ascension Thursday, Whit Monday
    [1818, "1818-03-22", "1818-03-23", "1818-04-30", "1818-05-11"], // earliest possible Easter
    [2008, "2008-03-23", "2008-03-24", "2008-05-01", "2008-05-12"],
    [2019, "2019-04-21", "2019-04-22", "2019-05-30", "2019-06-10"],
    [2024, "2024-03-31", "2024-04-01", "2024-05-09", "2024-05-20"],
    [2025, "2025-04-20", "2025-04-21", "2025-05-29", "2025-06-09"],
    [2026, "2026-04-05", "2026-04-06", "2026-05-14", "2026-05-25"],
    [2027, "2027-03-28", "2027-03-29", "2027-05-06", "2027-05-17"],
    [2038, "2038-04-25", "2038-04-26", "2038-06-03", "2038-06-14"], // latest possible Easter
    [2285, "2285-03-22", "2285-03-23", "2285-04-30", "2285-05-11"],
  ] as const)("%i: Easter %s, Easter Monday %s, Ascension %s, Whit Monday %s", (year, easter, monday, ascension, whit) => {
    expect(easterSunday(year)).toBe(easter);
    const dates = frenchPublicHolidays(year).map((holiday) => holiday.date);
    expect(dates).toContain(monday);
    expect(dates).toContain(whit);
    expect(dates.some((date) => date === ascension)).toBe(true);
  });

  test("the full list of 2026, in date order", () => {
    expect(named(frenchPublicHolidays(2026))).toEqual([
      { date: "2026-01-01", label: "Jour de l’An" },
      { date: "2026-04-06", label: "Lundi de Pâques" },
      { date: "2026-05-01", label: "Fête du Travail" },
      { date: "2026-05-08", label: "Victoire 1945" },
      { date: "2026-05-14", label: "Ascension" },
      { date: "2026-05-25", label: "Lundi de Pentecôte" },
      { date: "2026-07-14", label: "Fête nationale" },
      { date: "2026-08-15", label: "Assomption" },
      { date: "2026-11-01", label: "Toussaint" },
      { date: "2026-11-11", label: "Armistice 1918" },
      { date: "2026-12-25", label: "Noël" },
    ]);
  });

  test.each([
    ["01-01", "Jour de l’An"],
    ["05-01", "Fête du Travail"],
    ["05-08", "Victoire 1945"],
    ["07-14", "Fête nationale"],
    ["08-15", "Assomption"],
    ["11-01", "Toussaint"],
    ["11-11", "Armistice 1918"],
    ["12-25", "Noël"],
  ])("fixed holiday %s (%s) every year 2020–2040, closed all day", (monthDay, label) => {
    const openAllWeek = ALWAYS_CALENDAR;
    for (let year = 2020; year <= 2040; year++) {
      expect(named(frenchPublicHolidays(year))).toContainEqual({ date: `${year}-${monthDay}`, label });
      expect(isOpenAt(openAllWeek, paris(`${year}-${monthDay}T00:00`))).toBe(false);
      expect(isOpenAt(openAllWeek, paris(`${year}-${monthDay}T12:00`))).toBe(false);
      expect(isOpenAt(openAllWeek, paris(`${year}-${monthDay}T23:59`))).toBe(false);
      expect(businessMinutesBetween(openAllWeek, paris(`${year}-${monthDay}T00:00`), paris(`${year}-${monthDay}T23:59`))).toBe(0);
    }
  });

  test("every holiday 2024–2030 is closed, and only those days are (24/7 calendar)", () => {
    for (let year = 2024; year <= 2030; year++) {
      const holidays = new Set(frenchPublicHolidays(year).map((holiday) => holiday.date));
      expect(holidays.size).toBe(11);
      for (let day = DateTime.fromISO(`${year}-01-01`, { zone: "Europe/Paris" }); day.year === year; day = day.plus({ days: 1 })) {
        const noon = day.set({ hour: 12 }).toJSDate();
        expect([day.toISODate(), isOpenAt(ALWAYS_CALENDAR, noon)]).toEqual([day.toISODate(), !holidays.has(day.toISODate()!)]);
      }
    }
  });

  test("Ascension on 1 May (2008) gives one entry naming both", () => {
    const holidays = named(frenchPublicHolidays(2008));
    expect(holidays).toHaveLength(10);
    expect(holidays).toContainEqual({ date: "2008-05-01", label: "Fête du Travail et Ascension" });
  });

  test.each([1582, 2026.5, Number.NaN, 10_000])("rejects year %s", (year) => {
    expect(() => frenchPublicHolidays(year)).toThrow(RangeError);
    expect(() => easterSunday(year)).toThrow(RangeError);
  });
});

describe("isOpenAt", () => {
  test.each([
    ["Monday 07:29:59.999, just before opening", "2026-06-08T07:29:59.999+02:00", false],
    ["Monday 07:30, opening instant", "2026-06-08T07:30:00+02:00", true],
    ["Monday 12:00", "2026-06-08T12:00:00+02:00", true],
    ["Monday 17:29:59.999", "2026-06-08T17:29:59.999+02:00", true],
    ["Monday 17:30, closing instant", "2026-06-08T17:30:00+02:00", false],
    ["Monday 06:00", "2026-06-08T06:00:00+02:00", false],
    ["Monday 19:00", "2026-06-08T19:00:00+02:00", false],
    ["Saturday 10:00", "2026-06-13T10:00:00+02:00", false],
    ["Sunday 10:00", "2026-06-14T10:00:00+02:00", false],
    ["Easter Monday 2027 10:00", "2027-03-29T10:00:00+02:00", false],
    ["Whit Monday 2026 10:00", "2026-05-25T10:00:00+02:00", false],
    ["Ascension 2026 10:00", "2026-05-14T10:00:00+02:00", false],
    // 06:30Z is 07:30 in summer but 06:30 in winter: the offset matters.
    ["06:30Z on Friday 27 March 2026 (CET: 07:30)", "2026-03-27T06:30:00Z", true],
    ["06:30Z on Friday 30 October 2026 (CET: 07:30)", "2026-10-30T06:30:00Z", true],
    ["06:29Z on Monday 30 March 2026 (CEST: 08:29)", "2026-03-30T06:29:00Z", true],
    ["05:29Z on Monday 30 March 2026 (CEST: 07:29)", "2026-03-30T05:29:00Z", false],
    ["05:30Z on Monday 30 March 2026 (CEST: 07:30)", "2026-03-30T05:30:00Z", true],
    ["15:30Z on Friday 23 October 2026 (CEST: 17:30)", "2026-10-23T15:30:00Z", false],
    ["16:29Z on Monday 26 October 2026 (CET: 17:29)", "2026-10-26T16:29:00Z", true],
    ["16:30Z on Monday 26 October 2026 (CET: 17:30)", "2026-10-26T16:30:00Z", false],
  ])("default calendar, %s → %s", (_label, instant, open) => {
    expect(isOpenAt(DEFAULT_CALENDAR, at(instant))).toBe(open);
  });

  test.each([
    ["inside an admin closure", "2026-02-18T10:00:00+01:00", false],
    ["first day of the closure", "2026-02-16T07:30:00+01:00", false],
    ["day before the closure", "2026-02-13T17:29:00+01:00", true],
    ["day after the closure", "2026-02-23T07:30:00+01:00", true],
  ])("on-site calendar, %s", (_label, instant, open) => {
    expect(isOpenAt(ON_SITE_CALENDAR, at(instant))).toBe(open);
    expect(isOpenAt(DEFAULT_CALENDAR, at(instant))).toBe(true);
  });

  test.each([
    ["11:59", true],
    ["12:00", false],
    ["12:45", false],
    ["13:29", false],
    ["13:30", true],
    ["17:29", true],
  ])("lunch-break calendar, Tuesday %s → %s", (time, open) => {
    expect(isOpenAt(LUNCH_CALENDAR, at(`2026-06-09T${time}:00+02:00`))).toBe(open);
  });
});

describe("nextOpening", () => {
  test.each([
    ["an open instant is its own next opening", DEFAULT_CALENDAR, "2026-06-09T10:00:00+02:00", "2026-06-09T10:00:00+02:00"],
    ["the opening instant itself", DEFAULT_CALENDAR, "2026-06-09T07:30:00+02:00", "2026-06-09T07:30:00+02:00"],
    ["06:00 before opening", DEFAULT_CALENDAR, "2026-06-09T06:00:00+02:00", "2026-06-09T07:30:00+02:00"],
    ["00:00 midnight", DEFAULT_CALENDAR, "2026-06-09T00:00:00+02:00", "2026-06-09T07:30:00+02:00"],
    ["17:30 closing instant", DEFAULT_CALENDAR, "2026-06-09T17:30:00+02:00", "2026-06-10T07:30:00+02:00"],
    ["19:00 after closing", DEFAULT_CALENDAR, "2026-06-09T19:00:00+02:00", "2026-06-10T07:30:00+02:00"],
    ["Friday evening", DEFAULT_CALENDAR, "2026-06-12T19:00:00+02:00", "2026-06-15T07:30:00+02:00"],
    ["Saturday", DEFAULT_CALENDAR, "2026-06-13T10:00:00+02:00", "2026-06-15T07:30:00+02:00"],
    ["Sunday 23:59", DEFAULT_CALENDAR, "2026-06-14T23:59:00+02:00", "2026-06-15T07:30:00+02:00"],
    ["Good Friday evening, before Easter Monday 2027", DEFAULT_CALENDAR, "2027-03-26T18:00:00+01:00", "2027-03-30T07:30:00+02:00"],
    ["Christmas Eve 2026 evening (25th is a Friday)", DEFAULT_CALENDAR, "2026-12-24T18:00:00+01:00", "2026-12-28T07:30:00+01:00"],
    ["New Year’s Eve 2026 evening", DEFAULT_CALENDAR, "2026-12-31T18:00:00+01:00", "2027-01-04T07:30:00+01:00"],
    ["inside a week-long admin closure", ON_SITE_CALENDAR, "2026-02-18T10:00:00+01:00", "2026-02-23T07:30:00+01:00"],
    ["Friday before the closure", ON_SITE_CALENDAR, "2026-02-13T18:00:00+01:00", "2026-02-23T07:30:00+01:00"],
    ["lunch break", LUNCH_CALENDAR, "2026-06-09T12:45:00+02:00", "2026-06-09T13:30:00+02:00"],
    // Daylight saving, in UTC: Saturday evening before each change → Monday 07:30 in the new offset.
    ["weekend of the March change", DEFAULT_CALENDAR, "2026-03-28T18:00:00Z", "2026-03-30T05:30:00Z"],
    ["during the March gap (01:30Z = 03:30 CEST)", DEFAULT_CALENDAR, "2026-03-29T01:30:00Z", "2026-03-30T05:30:00Z"],
    ["weekend of the October change", DEFAULT_CALENDAR, "2026-10-24T18:00:00Z", "2026-10-26T06:30:00Z"],
    ["during the October repeated hour", DEFAULT_CALENDAR, "2026-10-25T00:30:00Z", "2026-10-26T06:30:00Z"],
  ])("%s", (_label, cal, instant, expected) => {
    expect(iso(nextOpening(cal, at(instant)))).toBe(iso(at(expected)));
  });
});

describe("addBusinessMinutes", () => {
  test.each([
    // label, start, minutes, expected
    ["P1 on a Friday 16:00, TTO 30 min", "2026-06-12T16:00:00+02:00", 30, "2026-06-12T16:30:00+02:00"],
    ["P1 on a Friday 16:00, TTR 240 min → Monday", "2026-06-12T16:00:00+02:00", 240, "2026-06-15T10:00:00+02:00"],
    ["P1 on Friday 26 March 2027 16:00, TTO 30 min", "2027-03-26T16:00:00+01:00", 30, "2027-03-26T16:30:00+01:00"],
    // 90 min on Friday, Easter Monday closed, 150 min on Tuesday (and the clocks changed on Sunday).
    [
      "P1 on Friday 26 March 2027 16:00, TTR 240 min → Tuesday (Easter Monday)",
      "2027-03-26T16:00:00+01:00",
      240,
      "2027-03-30T10:00:00+02:00",
    ],
    ["ending exactly at closing stays at closing", "2026-06-09T16:00:00+02:00", 90, "2026-06-09T17:30:00+02:00"],
    ["one minute more crosses the night", "2026-06-09T16:00:00+02:00", 91, "2026-06-10T07:31:00+02:00"],
    ["crossing a night", "2026-06-09T17:00:00+02:00", 60, "2026-06-10T08:00:00+02:00"],
    ["a full business day from opening", "2026-06-09T07:30:00+02:00", 600, "2026-06-09T17:30:00+02:00"],
    ["a full business day from mid-morning", "2026-06-09T10:00:00+02:00", 600, "2026-06-10T10:00:00+02:00"],
    ["crossing a weekend", "2026-06-12T17:00:00+02:00", 31, "2026-06-15T07:31:00+02:00"],
    ["Friday to closing does not cross the weekend", "2026-06-12T17:00:00+02:00", 30, "2026-06-12T17:30:00+02:00"],
    // 2025: Thursday 1 May and Thursday 8 May.
    ["crossing 1 May 2025", "2025-04-30T16:00:00+02:00", 600, "2025-05-02T16:00:00+02:00"],
    ["crossing 1 May and 8 May 2025", "2025-04-30T16:00:00+02:00", 90 + 5 * 600 + 1, "2025-05-12T07:31:00+02:00"],
    // 2024: Wednesday 1 May, Wednesday 8 May, Ascension Thursday 9 May.
    ["crossing 1 May, 8 May and Ascension 2024", "2024-04-30T17:00:00+02:00", 30 + 4 * 600 + 60, "2024-05-10T08:30:00+02:00"],
    ["Christmas Eve 2026 to the Monday after Christmas", "2026-12-24T17:00:00+01:00", 60, "2026-12-28T08:00:00+01:00"],
    ["06:00, before opening", "2026-06-09T06:00:00+02:00", 30, "2026-06-09T08:00:00+02:00"],
    ["19:00, after closing", "2026-06-09T19:00:00+02:00", 30, "2026-06-10T08:00:00+02:00"],
    ["on a Saturday", "2026-06-13T10:00:00+02:00", 30, "2026-06-15T08:00:00+02:00"],
    ["on a Sunday night", "2026-06-14T23:00:00+02:00", 600, "2026-06-15T17:30:00+02:00"],
    ["on a holiday (Whit Monday 2026)", "2026-05-25T09:00:00+02:00", 60, "2026-05-26T08:30:00+02:00"],
    ["zero at an open instant", "2026-06-09T10:00:00+02:00", 0, "2026-06-09T10:00:00+02:00"],
    ["zero at the opening instant", "2026-06-09T07:30:00+02:00", 0, "2026-06-09T07:30:00+02:00"],
    ["zero at the closing instant → next opening", "2026-06-09T17:30:00+02:00", 0, "2026-06-10T07:30:00+02:00"],
    ["zero at 06:00 → opening", "2026-06-09T06:00:00+02:00", 0, "2026-06-09T07:30:00+02:00"],
    ["zero on a Saturday → Monday opening", "2026-06-13T10:00:00+02:00", 0, "2026-06-15T07:30:00+02:00"],
    ["100 business hours across Easter Monday 2026", "2026-03-30T07:30:00+02:00", 6000, "2026-04-13T17:30:00+02:00"],
    ["every business minute of 2026", "2026-01-01T00:00:00+01:00", 151_200, "2026-12-31T17:30:00+01:00"],
    ["keeps seconds", "2026-06-09T10:00:30+02:00", 5, "2026-06-09T10:05:30+02:00"],
  ])("default calendar: %s", (_label, start, minutes, expected) => {
    expect(iso(addBusinessMinutes(DEFAULT_CALENDAR, at(start), minutes))).toBe(iso(at(expected)));
  });

  // Both daylight-saving changes, written in UTC so the offsets really matter:
  // March 2026: Sunday 29, 01:00Z (02:00 CET → 03:00 CEST); October 2026: Sunday 25, 01:00Z (03:00 CEST → 02:00 CET).
  test.each([
    ["March: Friday 16:00 CET + 240 → Monday 10:00 CEST", "2026-03-27T15:00:00Z", 240, "2026-03-30T08:00:00Z"],
    ["March: Friday closing + 1 → Monday 07:31 CEST", "2026-03-27T16:30:00Z", 1, "2026-03-30T05:31:00Z"],
    ["March: Saturday midnight + 0 → Monday 07:30 CEST", "2026-03-28T23:00:00Z", 0, "2026-03-30T05:30:00Z"],
    ["March: a whole week from Thursday 07:30 CET → Wednesday 17:30 CEST", "2026-03-26T06:30:00Z", 3000, "2026-04-01T15:30:00Z"],
    ["October: Friday 16:00 CEST + 240 → Monday 10:00 CET", "2026-10-23T14:00:00Z", 240, "2026-10-26T09:00:00Z"],
    ["October: Friday closing + 1 → Monday 07:31 CET", "2026-10-23T15:30:00Z", 1, "2026-10-26T06:31:00Z"],
    ["October: Saturday midnight + 0 → Monday 07:30 CET", "2026-10-24T22:00:00Z", 0, "2026-10-26T06:30:00Z"],
    ["October: a whole week from Thursday 07:30 CEST → Wednesday 17:30 CET", "2026-10-22T05:30:00Z", 3000, "2026-10-28T16:30:00Z"],
  ])("%s", (_label, start, minutes, expected) => {
    expect(iso(addBusinessMinutes(DEFAULT_CALENDAR, at(start), minutes))).toBe(expected.replace("Z", ".000Z"));
  });

  test.each([
    ["Monday of the closure", "2026-02-16T10:00:00+01:00", 30, "2026-02-23T08:00:00+01:00"],
    ["Friday before the closure", "2026-02-13T17:00:00+01:00", 60, "2026-02-23T08:00:00+01:00"],
    ["zero inside the closure", "2026-02-20T10:00:00+01:00", 0, "2026-02-23T07:30:00+01:00"],
  ])("week-long admin closure: %s", (_label, start, minutes, expected) => {
    expect(iso(addBusinessMinutes(ON_SITE_CALENDAR, at(start), minutes))).toBe(iso(at(expected)));
  });

  test.each([
    ["before lunch, within the morning", "2026-06-09T11:00:00+02:00", 60, "2026-06-09T12:00:00+02:00"],
    ["across lunch", "2026-06-09T11:30:00+02:00", 60, "2026-06-09T14:00:00+02:00"],
    ["starting during lunch", "2026-06-09T12:45:00+02:00", 30, "2026-06-09T14:00:00+02:00"],
    ["a full 8-hour day", "2026-06-09T08:00:00+02:00", 480, "2026-06-09T17:30:00+02:00"],
    ["across the night and lunch", "2026-06-09T17:00:00+02:00", 300, "2026-06-10T14:00:00+02:00"],
  ])("lunch-break calendar: %s", (_label, start, minutes, expected) => {
    expect(iso(addBusinessMinutes(LUNCH_CALENDAR, at(start), minutes))).toBe(iso(at(expected)));
  });

  test.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("rejects %s minutes", (minutes) => {
    expect(() => addBusinessMinutes(DEFAULT_CALENDAR, at("2026-06-09T10:00:00+02:00"), minutes)).toThrow(RangeError);
  });

  test("rejects an invalid date", () => {
    expect(() => addBusinessMinutes(DEFAULT_CALENDAR, new Date(Number.NaN), 10)).toThrow(RangeError);
    expect(() => nextOpening(DEFAULT_CALENDAR, new Date(Number.NaN))).toThrow(RangeError);
    expect(() => isOpenAt(DEFAULT_CALENDAR, new Date(Number.NaN))).toThrow(RangeError);
    expect(() => businessMinutesBetween(DEFAULT_CALENDAR, new Date(Number.NaN), at("2026-06-09T10:00:00+02:00"))).toThrow(RangeError);
  });
});

describe("businessMinutesBetween", () => {
  test.each([
    ["equal instants", "2026-06-09T10:00:00+02:00", "2026-06-09T10:00:00+02:00", 0],
    ["to before from", "2026-06-09T12:00:00+02:00", "2026-06-09T10:00:00+02:00", 0],
    ["same morning", "2026-06-09T10:00:00+02:00", "2026-06-09T12:00:00+02:00", 120],
    ["whole open day", "2026-06-09T00:00:00+02:00", "2026-06-10T00:00:00+02:00", 600],
    ["across a night", "2026-06-09T17:00:00+02:00", "2026-06-10T08:00:00+02:00", 60],
    ["night only", "2026-06-09T17:30:00+02:00", "2026-06-10T07:30:00+02:00", 0],
    ["across a weekend", "2026-06-12T16:00:00+02:00", "2026-06-15T10:00:00+02:00", 240],
    ["Saturday to Sunday", "2026-06-13T08:00:00+02:00", "2026-06-14T18:00:00+02:00", 0],
    ["06:00 to 19:00", "2026-06-09T06:00:00+02:00", "2026-06-09T19:00:00+02:00", 600],
    ["a whole week", "2026-06-08T00:00:00+02:00", "2026-06-15T00:00:00+02:00", 3000],
    ["Good Friday 2027 to Tuesday (Easter Monday)", "2027-03-26T16:00:00+01:00", "2027-03-30T10:00:00+02:00", 240],
    ["week of 1 and 8 May 2025", "2025-04-28T00:00:00+02:00", "2025-05-12T00:00:00+02:00", 8 * 600],
    ["the whole of 2026 (252 business days)", "2026-01-01T00:00:00+01:00", "2027-01-01T00:00:00+01:00", 252 * 600],
    ["fractional minutes", "2026-06-09T10:00:30+02:00", "2026-06-09T10:05:00+02:00", 4.5],
    ["March change, in UTC", "2026-03-27T15:00:00Z", "2026-03-30T06:30:00Z", 90 + 60],
    ["October change, in UTC", "2026-10-23T14:00:00Z", "2026-10-26T07:30:00Z", 90 + 60],
  ])("default calendar: %s → %s", (_label, from, to, minutes) => {
    expect(businessMinutesBetween(DEFAULT_CALENDAR, at(from), at(to))).toBe(minutes);
  });

  test("a week-long closure counts nothing", () => {
    expect(businessMinutesBetween(ON_SITE_CALENDAR, at("2026-02-16T00:00:00+01:00"), at("2026-02-23T00:00:00+01:00"))).toBe(0);
    expect(businessMinutesBetween(DEFAULT_CALENDAR, at("2026-02-16T00:00:00+01:00"), at("2026-02-23T00:00:00+01:00"))).toBe(3000);
  });

  test("lunch-break calendar: a day is 8 hours", () => {
    expect(businessMinutesBetween(LUNCH_CALENDAR, at("2026-06-09T00:00:00+02:00"), at("2026-06-10T00:00:00+02:00"))).toBe(480);
    expect(businessMinutesBetween(LUNCH_CALENDAR, at("2026-06-09T11:30:00+02:00"), at("2026-06-09T14:00:00+02:00"))).toBe(60);
  });

  test("a calendar with no opening counts 0 without throwing", () => {
    expect(businessMinutesBetween(calendar({}), at("2026-01-01T00:00:00Z"), at("2031-01-01T00:00:00Z"))).toBe(0);
  });
});

describe("intervals that cross a daylight-saving change", () => {
  // The Sunday of each change in 2026, as whole local days given in UTC.
  const MARCH_SUNDAY = ["2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z"] as const;
  const OCTOBER_SUNDAY = ["2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z"] as const;

  test.each([
    // March: 02:00–03:00 does not exist. October: 02:00–03:00 happens twice (CEST, then CET).
    ["00:00–24:00", 23 * 60, 25 * 60, ALWAYS],
    ["01:00–04:00, spanning the change", 2 * 60, 4 * 60, [{ start: "01:00", end: "04:00" }]],
    ["01:00–02:30, ending in the gap / repeated hour", 60, 90 + 30, [{ start: "01:00", end: "02:30" }]],
    ["02:15–02:45, inside the gap / repeated hour", 0, 30 + 30, [{ start: "02:15", end: "02:45" }]],
    ["02:30–04:00, starting in the gap / repeated hour", 60, 30 + 90, [{ start: "02:30", end: "04:00" }]],
    ["07:30–17:30, far from the change", 600, 600, DAY],
  ])("Sunday %s: March %i min, October %i min", (_label, march, october, sunday) => {
    const cal = calendar({ 7: sunday });
    expect(businessMinutesBetween(cal, at(MARCH_SUNDAY[0]), at(MARCH_SUNDAY[1]))).toBe(march);
    expect(businessMinutesBetween(cal, at(OCTOBER_SUNDAY[0]), at(OCTOBER_SUNDAY[1]))).toBe(october);
  });

  const REPEATED = calendar({ 7: [{ start: "02:15", end: "02:45" }] });
  test.each([
    ["00:10Z = 02:10 CEST", "2026-10-25T00:10:00Z", false],
    ["00:15Z = 02:15 CEST", "2026-10-25T00:15:00Z", true],
    ["00:44Z = 02:44 CEST", "2026-10-25T00:44:00Z", true],
    ["00:45Z = 02:45 CEST", "2026-10-25T00:45:00Z", false],
    ["01:10Z = 02:10 CET", "2026-10-25T01:10:00Z", false],
    ["01:15Z = 02:15 CET", "2026-10-25T01:15:00Z", true],
    ["01:45Z = 02:45 CET", "2026-10-25T01:45:00Z", false],
  ])("02:15–02:45 on 25 October 2026 occurs twice: %s → %s", (_label, instant, open) => {
    expect(isOpenAt(REPEATED, at(instant))).toBe(open);
  });

  test("02:15–02:45 on 25 October 2026: arithmetic across both occurrences", () => {
    expect(iso(addBusinessMinutes(REPEATED, at("2026-10-25T00:15:00Z"), 40))).toBe("2026-10-25T01:25:00.000Z");
    expect(iso(nextOpening(REPEATED, at("2026-10-25T00:50:00Z")))).toBe("2026-10-25T01:15:00.000Z");
    // No such wall-clock time on Sunday 29 March: the next opening is the following Sunday.
    expect(iso(nextOpening(REPEATED, at("2026-03-28T12:00:00Z")))).toBe("2026-04-05T00:15:00.000Z");
  });

  test("an interval spanning the March change: 01:00–04:00 is open until 02:00 CET then from 03:00 CEST", () => {
    const cal = calendar({ 7: [{ start: "01:00", end: "04:00" }] });
    expect(iso(nextOpening(cal, at("2026-03-28T12:00:00Z")))).toBe("2026-03-29T00:00:00.000Z");
    expect(iso(addBusinessMinutes(cal, at("2026-03-29T00:00:00Z"), 90))).toBe("2026-03-29T01:30:00.000Z");
    expect(iso(addBusinessMinutes(cal, at("2026-03-29T00:00:00Z"), 120))).toBe("2026-03-29T02:00:00.000Z");
    expect(isOpenAt(cal, at("2026-03-29T00:59:00Z"))).toBe(true); // 01:59 CET
    expect(isOpenAt(cal, at("2026-03-29T01:00:00Z"))).toBe(true); // 03:00 CEST
    expect(isOpenAt(cal, at("2026-03-29T02:00:00Z"))).toBe(false); // 04:00 CEST
  });
});

describe("agreement between the functions", () => {
  const STARTS = [
    "2026-06-09T10:00:00+02:00", // open
    "2026-06-09T06:00:00+02:00", // before opening
    "2026-06-09T19:00:00+02:00", // after closing
    "2026-06-13T10:00:00+02:00", // Saturday
    "2026-06-12T16:00:00+02:00", // Friday afternoon
    "2027-03-26T16:00:00+01:00", // before Easter Monday and the March change
    "2026-03-27T15:00:00Z", // before the March change
    "2026-10-23T14:00:00Z", // before the October change
    "2026-10-25T00:30:00Z", // inside the repeated hour
    "2025-04-30T16:00:00+02:00", // before 1 and 8 May
    "2026-02-13T17:00:00+01:00", // before the admin closure
    "2026-12-24T17:00:00+01:00", // before Christmas and New Year
    "2026-06-09T10:00:30.250+02:00", // not on a whole minute
  ];
  const DURATIONS = [0, 1, 29, 30, 89, 90, 91, 240, 599, 600, 601, 1440, 3000, 6000];
  const CALENDARS = [
    ["default", DEFAULT_CALENDAR],
    ["on-site", ON_SITE_CALENDAR],
    ["lunch break", LUNCH_CALENDAR],
    ["24/7", ALWAYS_CALENDAR],
  ] as const;

  test.each(CALENDARS)("%s calendar: round trip, monotonicity and additivity", (_name, cal) => {
    for (const startText of STARTS) {
      const start = at(startText);
      let previous = start.getTime();
      for (const minutes of DURATIONS) {
        const end = addBusinessMinutes(cal, start, minutes);
        const context = `${startText} + ${minutes}`;
        expect(businessMinutesBetween(cal, start, end), context).toBe(minutes);
        expect(end.getTime(), context).toBeGreaterThanOrEqual(previous);
        previous = end.getTime();
        if (minutes === 0) expect(iso(end), context).toBe(iso(nextOpening(cal, start)));
        else expect(end.getTime(), context).toBeGreaterThan(nextOpening(cal, start).getTime());
        for (const more of [1, 45, 600]) {
          expect(iso(addBusinessMinutes(cal, end, more)), `${context} + ${more}`).toBe(iso(addBusinessMinutes(cal, start, minutes + more)));
        }
      }
    }
  });

  test.each(CALENDARS)("%s calendar: adding the minutes between two instants reaches the later one in business time", (_name, cal) => {
    for (const fromText of STARTS) {
      for (const toText of STARTS) {
        const from = at(fromText);
        const to = at(toText);
        const minutes = businessMinutesBetween(cal, from, to);
        if (!Number.isInteger(minutes)) continue;
        const reached = addBusinessMinutes(cal, from, minutes);
        const context = `${fromText} → ${toText}`;
        // Same business time: at or before `to`, with no open time left in between; exactly `to`
        // when `to` is open (and not the first instant of a span, which equals the previous closing).
        expect(businessMinutesBetween(cal, reached, to), context).toBe(0);
        if (minutes > 0) expect(reached.getTime(), context).toBeLessThanOrEqual(to.getTime());
        if (minutes > 0 && isOpenAt(cal, to) && isOpenAt(cal, new Date(to.getTime() - 1))) {
          expect(iso(reached), context).toBe(iso(to));
        }
      }
    }
  });
});

describe("against a minute-by-minute oracle built on luxon's wall clock", () => {
  const WEIRD: BusinessCalendar = calendar(
    {
      1: LUNCH,
      2: LUNCH,
      3: [{ start: "07:30", end: "17:30" }],
      4: LUNCH,
      5: [{ start: "08:00", end: "12:00" }],
      6: [{ start: "09:00", end: "12:00" }],
      7: [
        { start: "00:00", end: "02:30" },
        { start: "02:45", end: "04:00" },
        { start: "22:00", end: "24:00" },
      ],
    },
    [{ from: "2026-10-28", to: "2026-10-29", label: "Fermeture" }],
  );
  const holidayDates = new Set([2026, 2027].flatMap((year) => frenchPublicHolidays(year).map((holiday) => holiday.date)));

  const oracleOpen = (cal: BusinessCalendar, instant: number): boolean => {
    const local = DateTime.fromMillis(instant, { zone: "Europe/Paris" });
    const date = local.toISODate()!;
    if (holidayDates.has(date)) return false;
    if (cal.closures.some((closure) => closure.from <= date && date <= closure.to)) return false;
    const time = local.toFormat("HH:mm");
    return cal.weekly[local.weekday as IsoWeekday].some((interval) => interval.start <= time && time < interval.end);
  };

  const WINDOWS = [
    ["March 2026 change and Easter", "2026-03-23T00:00:00+01:00", "2026-04-07T00:00:00+02:00"],
    ["October 2026 change, Toussaint and a closure", "2026-10-19T00:00:00+02:00", "2026-11-03T00:00:00+01:00"],
  ] as const;
  const CASES = WINDOWS.flatMap(([window, from, to]) =>
    [
      ["default", DEFAULT_CALENDAR],
      ["irregular", WEIRD],
    ].map(([name, cal]) => [`${name} calendar, ${window}`, cal as BusinessCalendar, from, to] as const),
  );

  test.each(CASES)("%s", { timeout: 60_000 }, (_label, cal, fromText, toText) => {
    const from = at(fromText).getTime();
    const to = at(toText).getTime();
    const minute = 60_000;
    // Every minute: isOpenAt agrees with the oracle, and the running count of open minutes agrees
    // with businessMinutesBetween and addBusinessMinutes.
    const openMinutes: number[] = [];
    for (let t = from; t < to; t += minute) {
      const open = oracleOpen(cal, t);
      expect(isOpenAt(cal, new Date(t)), new Date(t).toISOString()).toBe(open);
      if (open) openMinutes.push(t);
    }
    expect(businessMinutesBetween(cal, new Date(from), new Date(to))).toBe(openMinutes.length);
    for (let index = 0; index < openMinutes.length; index += 97) {
      const minuteStart = openMinutes[index]!;
      expect(iso(addBusinessMinutes(cal, new Date(from), index + 1))).toBe(iso(new Date(minuteStart + minute)));
      expect(iso(nextOpening(cal, new Date(minuteStart)))).toBe(iso(new Date(minuteStart)));
      expect(businessMinutesBetween(cal, new Date(from), new Date(minuteStart))).toBe(index);
    }
    // Starting at arbitrary instants (every 7 h 13 min): the next opening is the first open minute.
    for (let t = from; t < to - 5 * 86_400_000; t += 433 * minute) {
      const first = openMinutes.find((open) => open >= t)!;
      expect(iso(nextOpening(cal, new Date(t))), new Date(t).toISOString()).toBe(iso(new Date(first)));
      expect(iso(addBusinessMinutes(cal, new Date(t), 0))).toBe(iso(new Date(first)));
    }
  });
});

describe("calendars that never open, and invalid calendars", () => {
  test("no weekly hours at all: a clear error instead of an endless loop", () => {
    const closed = calendar({});
    expect(() => nextOpening(closed, at("2026-06-09T10:00:00+02:00"))).toThrow(NoBusinessOpeningError);
    expect(() => addBusinessMinutes(closed, at("2026-06-09T10:00:00+02:00"), 30)).toThrow(/no opening in the 1098 days/);
    expect(isOpenAt(closed, at("2026-06-09T10:00:00+02:00"))).toBe(false);
  });

  test("a closure longer than the search bound throws; a shorter one is skipped", () => {
    const start = at("2026-06-09T10:00:00+02:00");
    const fourYears = { ...DEFAULT_CALENDAR, closures: [{ from: "2026-01-01", to: "2029-12-31", label: "Travaux" }] };
    expect(() => addBusinessMinutes(fourYears, start, 1)).toThrow(NoBusinessOpeningError);
    const twoYears = { ...DEFAULT_CALENDAR, closures: [{ from: "2026-01-01", to: "2027-12-31", label: "Travaux" }] };
    expect(iso(nextOpening(twoYears, start))).toBe(iso(at("2028-01-03T07:30:00+01:00")));
    expect(MAX_DAYS_WITHOUT_OPENING).toBeGreaterThanOrEqual(3 * 365);
  });

  test("the search bound applies to gaps, not to long durations", () => {
    // 2 000 business hours, over 9 months of calendar time: fine, the calendar keeps opening.
    const end = addBusinessMinutes(DEFAULT_CALENDAR, at("2026-01-05T07:30:00+01:00"), 120_000);
    expect(businessMinutesBetween(DEFAULT_CALENDAR, at("2026-01-05T07:30:00+01:00"), end)).toBe(120_000);
  });

  test.each([
    ["a time without leading zero", { 1: [{ start: "7:30", end: "17:30" }] }, /HH:MM/],
    ["25:00", { 1: [{ start: "07:30", end: "25:00" }] }, /HH:MM/],
    ["24:00 as a start", { 1: [{ start: "24:00", end: "24:00" }] }, /HH:MM/],
    ["an empty interval", { 1: [{ start: "10:00", end: "10:00" }] }, /must end after it starts/],
    ["a reversed interval", { 1: [{ start: "17:30", end: "07:30" }] }, /must end after it starts/],
    [
      "overlapping intervals",
      {
        1: [
          { start: "08:00", end: "12:30" },
          { start: "12:00", end: "17:00" },
        ],
      },
      /overlap/,
    ],
  ])("rejects %s", (_label, weekly, message) => {
    expect(() => isOpenAt(calendar(weekly as Partial<WeeklyHours>), at("2026-06-09T10:00:00+02:00"))).toThrow(message);
  });

  test.each([
    ["an impossible date", { from: "2026-02-30", to: "2026-03-01", label: "x" }, /YYYY-MM-DD/],
    ["a French date", { from: "16/02/2026", to: "2026-03-01", label: "x" }, /YYYY-MM-DD/],
    ["a reversed closure", { from: "2026-03-01", to: "2026-02-16", label: "x" }, /ends .* before it starts/],
  ])("rejects a closure with %s", (_label, closure, message) => {
    expect(() => nextOpening({ ...DEFAULT_CALENDAR, closures: [closure] }, at("2026-06-09T10:00:00+02:00"))).toThrow(message);
  });

  test("adjacent intervals are fine and behave as one", () => {
    const split = calendar({
      2: [
        { start: "12:00", end: "17:30" },
        { start: "07:30", end: "12:00" },
      ],
    });
    expect(iso(addBusinessMinutes(split, at("2026-06-09T11:00:00+02:00"), 120))).toBe(iso(at("2026-06-09T13:00:00+02:00")));
  });

  test("the default calendar cannot be mutated", () => {
    expect(Object.isFrozen(DEFAULT_CALENDAR)).toBe(true);
    expect(Object.isFrozen(DEFAULT_CALENDAR.weekly)).toBe(true);
    expect(Object.isFrozen(DEFAULT_CALENDAR.weekly[1])).toBe(true);
  });
});

describe("formatBusinessDuration", () => {
  const nb = (text: string) => text.replaceAll("_", "\u00a0");
  test.each([
    [0, "0_min ouvrée"],
    [1, "1_min ouvrée"],
    [2, "2_min ouvrées"],
    [45, "45_min ouvrées"],
    [59, "59_min ouvrées"],
    [59.6, "1_h ouvrée"],
    [60, "1_h ouvrée"],
    [61, "1_h_01 ouvrées"],
    [90, "1_h_30 ouvrées"],
    [120, "2_h ouvrées"],
    [125, "2_h_05 ouvrées"],
    [150, "2_h_30 ouvrées"],
    [600, "10_h ouvrées"],
    [6000, "100_h ouvrées"],
    [4.4, "4_min ouvrées"],
  ])("%s min → %s", (minutes, expected) => {
    expect(formatBusinessDuration(minutes, fr)).toBe(nb(expected));
  });

  test("in English, from the English catalogue", () => {
    const en = translatorFor("en");
    expect([1, 45, 60, 90, 120].map((minutes) => formatBusinessDuration(minutes, en))).toEqual(
      ["1_working minute", "45_working minutes", "1_working hour", "1_h_30 of working time", "2_working hours"].map(nb),
    );
  });

  test("thousands of hours are grouped the French way", () => {
    expect(formatBusinessDuration(60_000, fr)).toBe("1\u202f000\u00a0h ouvrées");
  });

  test.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("rejects %s", (minutes) => {
    expect(() => formatBusinessDuration(minutes, fr)).toThrow(RangeError);
  });
});

describe("isClosedDate", () => {
  const withClosure = { ...DEFAULT_CALENDAR, closures: [{ from: "2026-12-21", to: "2027-01-01", label: "Vacances de Noël" }] };
  test.each([
    ["2026-12-08", DEFAULT_CALENDAR, false, "an ordinary Tuesday"],
    ["2026-12-12", DEFAULT_CALENDAR, true, "a Saturday"],
    ["2026-12-25", DEFAULT_CALENDAR, true, "Christmas"],
    ["2026-11-11", DEFAULT_CALENDAR, true, "Armistice"],
    ["2026-12-21", withClosure, true, "first day of a closure"],
    ["2027-01-01", withClosure, true, "last day of a closure"],
    ["2026-12-18", withClosure, false, "the day before a closure"],
  ])("%s is closed: %s (%s)", (date, cal, expected) => {
    expect(isClosedDate(cal, date)).toBe(expected);
  });
});
