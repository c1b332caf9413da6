import Link from "next/link";
import { cache } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { pageCaller } from "@/lib/auth/current-caller";
import { isoWeekAt, nextIsoWeek, parseIsoWeek } from "@/lib/domain/iso-week";
import { weeklyReportPath } from "@/lib/domain/weekly-report";
import { weeklyReportText } from "@/lib/presentation/weekly-report-text";
import { readWeeklyReport } from "@/lib/services/weekly-report/read-weekly-report";
import { titledOnceFound } from "@/i18n/page-title";

type Props = { params: Promise<{ uai: string; week: string }> };

/** The week's report the caller may read, or the 404 page; one lookup per request for the title and the body. */
const visibleReport = cache(async (uai: string, week: string) => {
  const found = await readWeeklyReport(await pageCaller(), uai, week);
  if (!found.ok) notFound();
  return found.value;
});

const reportOf = async ({ params }: Props) => {
  const { uai, week } = await params;
  return visibleReport(uai, week);
};

export const generateMetadata = titledOnceFound("weeklyReport", reportOf);

/** A school's week (the Friday e-mail's page), for any week: its head, the zone's leads, the Région's deciders. */
export default async function WeeklyReportPage(props: Props) {
  const report = await reportOf(props);
  const [t, locale] = await Promise.all([getTranslations("weeklyReport"), getLocale()]);
  const text = weeklyReportText(report, (key, values) => t(key as never, values as never), locale === "en" ? "en" : "fr");
  const current = parseIsoWeek(report.week)!;
  const previous = isoWeekAt(new Date(current.start.getTime() - 1));
  const following = nextIsoWeek(current);

  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-slate-500 print:hidden">
          <Link href={`/tableaux-de-bord/etablissements/${encodeURIComponent(report.school.uai)}`} className="underline">
            {t("dashboard")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">
          {t("title")} · {t("weekLabel", { week: report.week })}
        </h1>
        <p className="text-slate-700">{text.heading}</p>
        <nav className="flex flex-wrap gap-4 text-sm print:hidden">
          <Link className="text-brand-700 underline" href={weeklyReportPath(report.school.uai, previous.label)}>
            {t("previous")}
          </Link>
          <Link className="text-brand-700 underline" href={weeklyReportPath(report.school.uai, following.label)}>
            {t("next")}
          </Link>
          <a className="text-brand-700 underline" href={`${report.path}/pdf`} download>
            {t("pdf")}
          </a>
        </nav>
      </header>
      {text.sections.map((section) => (
        <section key={section.id} aria-labelledby={`section-${section.id}`} className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id={`section-${section.id}`} className="font-medium">
            {section.title}
          </h2>
          {section.note && <p className="mt-1 text-sm text-slate-700">{section.note}</p>}
          {section.lines.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">{section.empty}</p>
          ) : (
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
              {section.lines.map((line, index) => (
                <li key={index} className="break-words">
                  {line}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </article>
  );
}
