import { getTranslations } from "next-intl/server";

export type BadgeTone = "ok" | "warn" | "bad" | "pause" | "done" | "neutral";

const TONE: Record<BadgeTone, string> = {
  ok: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  warn: "bg-amber-50 text-amber-900 ring-amber-300",
  bad: "bg-red-50 text-red-800 ring-red-300",
  pause: "bg-sky-50 text-sky-800 ring-sky-200",
  done: "bg-slate-100 text-slate-700 ring-slate-300",
  neutral: "bg-white text-slate-500 ring-slate-200",
};

/** Which colour each state word takes, whatever its catalogue. */
const TONE_OF: Record<string, BadgeTone> = {
  ok: "ok",
  at_risk: "warn",
  breached: "bad",
  missed: "bad",
  late: "bad",
  paused: "pause",
  met: "done",
  none: "neutral",
  cancelled: "neutral",
};

/** One SLA state as a coloured pill; `group` is the catalogue of words (staff's, school's, a timer's, a vendor's). */
export async function SlaBadge({ group, state }: { group: "badge" | "schoolBadge" | "timerBadge" | "vendorBadge"; state: string }) {
  const t = await getTranslations("sla");
  return (
    <span
      data-sla-state={state}
      className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${TONE[TONE_OF[state] ?? "neutral"]}`}
    >
      {t(`${group}.${state}`)}
    </span>
  );
}
