import { getFormatter } from "next-intl/server";

/** A calendar day (ISO `2021-09-01`) in the user's locale; a dash when there is none. */
export async function Day({ value }: { value: string | null }) {
  if (!value) return <span className="text-slate-400">—</span>;
  const format = await getFormatter();
  return <time dateTime={value}>{format.dateTime(new Date(`${value}T12:00:00Z`), { dateStyle: "short", timeZone: "UTC" })}</time>;
}
