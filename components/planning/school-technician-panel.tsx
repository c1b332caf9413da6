import { getLocale, getTranslations } from "next-intl/server";
import { visitDay } from "@/lib/presentation/visit-day";
import type { SchoolTechnician } from "@/lib/presentation/planning-views";

/** The school's referent technician, backup and next visit, as the school reads them. */
export async function SchoolTechnicianPanel({ summary, headingLevel = 2 }: { summary: SchoolTechnician; headingLevel?: 2 | 3 }) {
  const [t, locale] = await Promise.all([getTranslations("planning"), getLocale()]);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const visit = summary.nextVisit;
  return (
    <section
      className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
      aria-label={t("school.title")}
      data-testid={`school-technician-${summary.uai}`}
    >
      <Heading className="text-base font-semibold">{t("school.title")}</Heading>
      {summary.referent ? (
        <ul className="mt-1 space-y-0.5">
          <li>{t("school.referent", { name: summary.referent.name })}</li>
          {summary.backup && <li>{t("school.backup", { name: summary.backup.name })}</li>}
        </ul>
      ) : (
        <p className="mt-1 text-slate-600">{t("school.noReferent")}</p>
      )}
      <p className="mt-1">
        {visit
          ? t("school.nextVisit", { date: visitDay(visit.onDate, locale === "en" ? "en" : "fr"), halfDay: t(`halfDays.${visit.halfDay}`) })
          : t("school.noVisit")}
      </p>
    </section>
  );
}
