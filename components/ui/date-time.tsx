import { getFormatter } from "next-intl/server";

const STYLES = {
  short: { dateStyle: "short", timeStyle: "short" },
  long: { dateStyle: "long", timeStyle: "short" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/** A moment in the user's locale and Paris time (the time zone next-intl is configured with). */
export async function DateTime({ value, style = "long" }: { value: Date; style?: keyof typeof STYLES }) {
  const format = await getFormatter();
  return <time dateTime={value.toISOString()}>{format.dateTime(value, STYLES[style])}</time>;
}
