import Link from "next/link";
import { cache } from "react";
import { ReplicaLag } from "@/components/dashboard/replica-lag";
import { getLocale, getTranslations } from "next-intl/server";
import { translateText } from "@/i18n/text";
import { notFound } from "next/navigation";
import { dashboardLabels } from "@/components/dashboard/dashboard-labels";
import { EstablishmentView } from "@/components/dashboard/establishment-view";
import { PeriodPicker } from "@/components/dashboard/period-picker";
import { pageCaller } from "@/lib/auth/current-caller";
import { csvHref, dashboardLinks, regionalHref, reportHref } from "@/lib/presentation/dashboard-links";
import { schoolYearLabel } from "@/lib/domain/dashboard-period";
import { dateTime, establishmentTables } from "@/lib/presentation/dashboard-tables";
import { can } from "@/lib/domain/permissions";
import { isoWeekAt } from "@/lib/domain/iso-week";
import { weeklyReportPath } from "@/lib/domain/weekly-report";
import { dashboardPageQuery } from "@/lib/schemas/dashboards";
import { uaiCode } from "@/lib/schemas/primitives";
import { pagePeriodOrDefault } from "@/lib/services/dashboards/dashboard-scope";
import { readEstablishmentDashboard } from "@/lib/services/dashboards/establishment-dashboard";
import { titledOnceFound } from "@/i18n/page-title";

type Props = { params: Promise<{ uai: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The school's dashboard for the asked period, or the 404 page; one lookup per request (the query as text, a cache key). */
const visibleDashboard = cache(async (rawUai: string, query: string) => {
  const uai = uaiCode.safeParse(rawUai);
  const caller = await pageCaller();
  if (!uai.success) notFound();
  const now = new Date();
  const parsed = dashboardPageQuery.safeParse(JSON.parse(query));
  const { period, error } = pagePeriodOrDefault(parsed.success ? parsed.data : {}, now);
  const found = await readEstablishmentDashboard(caller, uai.data, period, now);
  if (!found.ok) notFound();
  return { caller, now, period, error, dashboard: found.value };
});

async function dashboardOf({ params, searchParams }: Props) {
  const query = Object.fromEntries(
    Object.entries(await searchParams).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""),
  );
  return visibleDashboard((await params).uai, JSON.stringify(query));
}

export const generateMetadata = titledOnceFound("schoolDashboard", dashboardOf);

export default async function EstablishmentDashboardPage(props: Props) {
  const { caller, now, period, error, dashboard } = await dashboardOf(props);
  const [{ t, table, period: periodLabels }, locale, tWeek] = await Promise.all([
    dashboardLabels(),
    getLocale(),
    getTranslations("weeklyReport"),
  ]);
  const links = dashboardLinks(caller, { establishment: dashboard.establishment.uai }, period);
  const tables = establishmentTables(dashboard, t, links, { locale, now });

  return (
    <article className="space-y-6">
      <header className="space-y-3">
        <p className="text-sm text-slate-500">
          <Link href="/tableaux-de-bord" className="underline">
            {t("title")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{dashboard.establishment.name}</h1>
        <p className="text-sm text-slate-600">
          {dashboard.establishment.uai} · {dashboard.establishment.city} · {dashboard.establishment.zone.name}
          {" · "}
          {t("computedAt", { at: dateTime(dashboard.computedAt, locale) })}
          <ReplicaLag />
        </p>
        <nav className="flex flex-wrap gap-3 text-sm print:hidden">
          <Link
            className="text-brand-700 underline"
            href={reportHref({ establishment: dashboard.establishment.uai }, schoolYearLabel(period.to))}
          >
            {t("annualReport")}
          </Link>
          <Link className="text-brand-700 underline" href={weeklyReportPath(dashboard.establishment.uai, isoWeekAt(now).label)}>
            {tWeek("title")}
          </Link>
          {can(caller, "dashboards.regional") && (
            <Link className="text-brand-700 underline" href={regionalHref(dashboard.establishment.zone.code, period)}>
              {t("regional")}
            </Link>
          )}
        </nav>
        <PeriodPicker period={period} labels={periodLabels} />
        {error !== null && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            {t("invalidPeriod", { message: translateText(error.message, error.values, locale === "en" ? "en" : "fr") })}
          </p>
        )}
      </header>
      <EstablishmentView
        dashboard={dashboard}
        tables={tables}
        t={t}
        links={links}
        locale={locale}
        csv={(id) => csvHref("establishment", dashboard.establishment.uai, id, period)}
        tableLabels={table}
      />
    </article>
  );
}
