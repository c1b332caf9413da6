import { DateTime } from "luxon";

/** A visit's date as people say it: "mardi 8 décembre" (visits are near: no year). */
export function visitDay(onDate: string, locale: "fr" | "en"): string {
  return DateTime.fromISO(onDate, { zone: "Europe/Paris", locale }).toFormat("cccc d LLLL");
}
