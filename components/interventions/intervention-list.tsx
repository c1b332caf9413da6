import { getTranslations } from "next-intl/server";
import { dateWriter } from "@/components/ui/date-time";
import { Panel } from "@/components/ui/panel";
import type { TicketInterventions } from "@/lib/domain/interventions";
import { duration } from "./duration";

/**
 * A ticket's interventions and the time spent on it. The details are there only when the reader may
 * read them (the service leaves them out for the school), and the equipment for the desk.
 */
export async function InterventionList({ interventions, forStaff }: { interventions: TicketInterventions; forStaff: boolean }) {
  const [t, dates] = await Promise.all([getTranslations("interventions"), dateWriter()]);
  const { items, total } = interventions;
  const spent = (minutes: number) => duration(t, minutes);
  return (
    <Panel title={t("title")}>
      <div data-interventions>
        <p className="text-sm font-medium" data-time-spent={total.minutes}>
          {total.travelMinutes > 0
            ? t("timeSpent", { work: spent(total.minutes), travel: spent(total.travelMinutes) })
            : t("timeSpentShort", { work: spent(total.minutes) })}
        </p>
        {items.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <ol className="mt-2 space-y-3">
            {items.map((item) => (
              <li key={item.id} className="border-l-2 border-brand-200 pl-3 text-sm">
                <p className="font-medium">
                  {t("item.heading", { mode: t(`mode.${item.mode}`), date: dates.moment(item.startedAt), duration: spent(item.minutes) })}
                </p>
                <p className="mt-1 whitespace-pre-line">{item.summary}</p>
                {forStaff && item.travelMinutes > 0 && (
                  <p className="mt-1 text-slate-600">{t("item.travel", { duration: spent(item.travelMinutes) })}</p>
                )}
                {forStaff && item.cis.length > 0 && (
                  <p className="mt-1 text-slate-600">{t("item.equipment", { names: item.cis.map((ci) => ci.name).join(", ") })}</p>
                )}
                {item.details && (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-slate-700">{t("item.details")}</summary>
                    <p className="mt-1 whitespace-pre-line">{item.details}</p>
                  </details>
                )}
                <p className="mt-1 text-xs text-slate-600">
                  {item.vendorName
                    ? t("item.byVendor", { name: item.author.name, vendor: item.vendorName })
                    : t("item.by", { name: item.author.name })}
                </p>
              </li>
            ))}
          </ol>
        )}
      </div>
    </Panel>
  );
}
