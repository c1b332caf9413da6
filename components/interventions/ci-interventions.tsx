import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { dateWriter } from "@/components/ui/date-time";
import type { InterventionMode } from "@/lib/domain/interventions";
import { duration } from "./duration";

type Entry = { id: string; mode: InterventionMode; startedAt: Date; minutes: number; summary: string; reference: string; author: string };

/** The interventions that touched an item of equipment (its history's other half): when, how, what was done, on which ticket. */
export async function CiInterventions({ entries, ticketBase }: { entries: Entry[]; ticketBase: string }) {
  const [t, dates] = await Promise.all([getTranslations("interventions"), dateWriter()]);
  if (entries.length === 0) return <p className="text-sm text-slate-600">{t("ci.empty")}</p>;
  return (
    <ul className="space-y-2 text-sm" data-ci-interventions>
      {entries.map((entry) => (
        <li key={entry.id}>
          <p className="font-medium">
            {t("item.heading", {
              mode: t(`mode.${entry.mode}`),
              date: dates.moment(entry.startedAt),
              duration: duration(t, entry.minutes),
            })}
            {" · "}
            <Link href={`${ticketBase}/${entry.reference}`} className="text-brand-700 underline">
              {entry.reference}
            </Link>
          </p>
          <p>{entry.summary}</p>
          <p className="text-xs text-slate-600">{t("item.by", { name: entry.author })}</p>
        </li>
      ))}
    </ul>
  );
}
