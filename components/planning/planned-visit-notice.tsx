import { getLocale, getTranslations } from "next-intl/server";
import { visitDay } from "@/lib/presentation/visit-day";

/** "Intervention prévue le mardi 8 décembre, matin": what the school reads on its ticket. */
export async function PlannedVisitNotice({ visit }: { visit: { onDate: string; halfDay: "am" | "pm" } }) {
  const [t, locale] = await Promise.all([getTranslations("planning"), getLocale()]);
  return (
    <p role="status" className="rounded-md border border-sky-200 bg-sky-50 p-3 font-medium text-sky-900" data-testid="planned-visit">
      {t("visit.plannedOn", { date: visitDay(visit.onDate, locale === "en" ? "en" : "fr"), halfDay: t(`halfDays.${visit.halfDay}`) })}
    </p>
  );
}
