import { getFormatter } from "next-intl/server";

/**
 * The one place dates are written for a person: in the user's locale (French: `30/09/2022`,
 * "30 septembre 2022 à 14:05"), moments in Paris time (next-intl's time zone), calendar days
 * (ISO `2022-09-30`, no time) as they are, whatever the server's zone.
 */
const STYLES = {
  short: { dateStyle: "short", timeStyle: "short" },
  long: { dateStyle: "long", timeStyle: "short" },
  date: { dateStyle: "long" },
  day: { dateStyle: "short", timeZone: "UTC" },
  longDay: { dateStyle: "long", timeZone: "UTC" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Writes moments (Date) and calendar days (ISO `YYYY-MM-DD`): for text built with a message's parameters. */
export async function dateWriter() {
  const format = await getFormatter();
  return {
    moment: (value: Date, style: "short" | "long" | "date" = "long") => format.dateTime(value, STYLES[style]),
    day: (iso: string, style: "day" | "longDay" = "day") => format.dateTime(new Date(`${iso}T12:00:00Z`), STYLES[style]),
    /** A value that may be a calendar day (a field's old or new value): the day written, anything else as it is. */
    dayOrValue: (value: string) => (ISO_DAY.test(value) ? format.dateTime(new Date(`${value}T12:00:00Z`), STYLES.day) : value),
  };
}

/** A moment in the user's locale and Paris time. */
export async function DateTime({ value, style = "long" }: { value: Date; style?: "short" | "long" }) {
  const write = await dateWriter();
  return <time dateTime={value.toISOString()}>{write.moment(value, style)}</time>;
}

/** A calendar day (ISO `2021-09-01`) in the user's locale; a dash when there is none. */
export async function Day({ value, style = "day" }: { value: string | null; style?: "day" | "longDay" }) {
  if (!value) return <span className="text-slate-500">—</span>;
  const write = await dateWriter();
  return <time dateTime={value}>{write.day(value, style)}</time>;
}
