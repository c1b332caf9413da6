import Link from "next/link";
import { getLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { dashboardLabels } from "@/components/dashboard/dashboard-labels";
import { EstablishmentView } from "@/components/dashboard/establishment-view";
import { ReplicaLag } from "@/components/dashboard/replica-lag";
import { PrintButton } from "@/components/dashboard/print-button";
import { RegionalView } from "@/components/dashboard/regional-view";
import { pageCaller } from "@/lib/auth/current-caller";
import { DASHBOARDS, dashboardLinks, drillHref, regionalHref, reportHref } from "@/lib/presentation/dashboard-links";
import { parisDay } from "@/lib/domain/business-calendar";
import { parseSchoolYear, schoolYearLabel, schoolYearPeriod, schoolYearStart } from "@/lib/domain/dashboard-period";
import { dateTime, establishmentTables, regionalTables } from "@/lib/presentation/dashboard-tables";
import { annualReportQuery } from "@/lib/schemas/dashboards";
import { readEstablishmentDashboard } from "@/lib/services/dashboards/establishment-dashboard";
import { readRegionalDashboard } from "@/lib/services/dashboards/regional-dashboard";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("report");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Hides the app's frame on paper: the report prints alone (PDF through the browser's "Save as PDF"). */
const PRINT_CSS = `@media print {
  body > header, body > a[href="#contenu"], .print\\:hidden { display: none !important; }
  body { background: white; }
  main { max-width: none !important; padding: 0 !important; }
  section, figure, table { break-inside: avoid; }
  a { color: inherit !important; text-decoration: none !important; }
}`;

/** The annual report of one school or one zone for one school year: the year's indicators, print-friendly. */
export default async function AnnualReportPage({ searchParams }: Props) {
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""),
  );
  const parsed = annualReportQuery.safeParse(raw);
  const caller = await pageCaller();
  if (!parsed.success) notFound();
  const now = new Date();
  const today = parisDay(now);
  const startYear = parseSchoolYear(parsed.data.year ?? schoolYearLabel(today));
  if (startYear === null) notFound();
  const [{ t, table }, locale] = await Promise.all([dashboardLabels(), getLocale()]);
  const scope = parsed.data.establishment ? { establishment: parsed.data.establishment } : { zone: parsed.data.zone! };
  const period = schoolYearPeriod(startYear, today);
  const year = `${startYear}-${startYear + 1}`;
  const current = Number(schoolYearStart(today).slice(0, 4));
  const years = [current, current - 1, current - 2].map((start) => `${start}-${start + 1}`);

  const yearNav = (
    <nav aria-label={t("report.year")} className="flex flex-wrap gap-2 text-sm print:hidden">
      {years.map((label) => (
        <Link
          key={label}
          href={reportHref(scope, label)}
          aria-current={label === year ? "page" : undefined}
          className={`rounded-full border px-3 py-1 ${label === year ? "border-brand-700 bg-brand-50" : "border-slate-300"}`}
        >
          {label}
        </Link>
      ))}
    </nav>
  );
  if (!period)
    return (
      <section className="space-y-3">
        <h1 className="text-2xl font-semibold">{t("report.title", { year })}</h1>
        {yearNav}
        <p>{t("report.notStarted")}</p>
      </section>
    );

  const noCsv = () => null;
  let title: string;
  let body: React.ReactNode;
  if (scope.establishment) {
    const found = await readEstablishmentDashboard(caller, scope.establishment, period, now);
    if (!found.ok) notFound();
    const links = dashboardLinks(caller, scope, period);
    title = found.value.establishment.name;
    body = (
      <EstablishmentView
        dashboard={found.value}
        tables={establishmentTables(found.value, t, links, { locale, now })}
        t={t}
        links={links}
        locale={locale}
        csv={noCsv}
        tableLabels={table}
      />
    );
  } else {
    const found = await readRegionalDashboard(caller, scope.zone ?? null, period, now);
    if (!found.ok) notFound();
    const links = dashboardLinks(caller, scope, period);
    title = found.value.scope.kind === "zone" ? found.value.scope.name : t("zoneAll");
    const tables = regionalTables(
      found.value,
      t,
      {
        ...links,
        zone: (code) => regionalHref(code, period),
        schoolDrill: (uai, filters) => drillHref({ establishment: uai }, filters),
        zoneDrill: (code, filters) => drillHref({ zone: code }, filters),
      },
      { locale, now },
      found.value.establishments,
    );
    body = (
      <RegionalView
        dashboard={found.value}
        tables={tables}
        t={t}
        locale={locale}
        drill={(filters) => links.drill(filters)}
        csv={noCsv}
        tableLabels={table}
        schools={null}
      />
    );
  }
  const french = (day: string) => day.split("-").reverse().join("/");
  return (
    <article className="space-y-6">
      <style>{PRINT_CSS}</style>
      <p className="text-sm text-slate-500 print:hidden">
        <Link href={DASHBOARDS} className="underline">
          {t("title")}
        </Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">
          {t("report.title", { year })} · {title}
        </h1>
        <p className="text-slate-600">{t("report.subtitle", { from: french(period.from), to: french(period.to) })}</p>
        <p className="text-xs text-slate-500">
          {t("report.generatedAt", { at: dateTime(now.toISOString(), locale) })}
          <ReplicaLag />
        </p>
        {yearNav}
        <PrintButton label={t("report.print")} />
      </header>
      {body}
    </article>
  );
}
