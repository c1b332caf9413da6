import Link from "next/link";
import { ReplicaLag } from "@/components/dashboard/replica-lag";
import { getLocale } from "next-intl/server";
import { translateText } from "@/i18n/text";
import { notFound } from "next/navigation";
import { dashboardLabels } from "@/components/dashboard/dashboard-labels";
import { PeriodPicker } from "@/components/dashboard/period-picker";
import { RegionalView } from "@/components/dashboard/regional-view";
import { pageCaller } from "@/lib/auth/current-caller";
import { sortRows } from "@/lib/domain/dashboard";
import { csvHref, DASHBOARDS, dashboardLinks, drillHref, periodParams, regionalHref, reportHref } from "@/lib/presentation/dashboard-links";
import { schoolYearLabel } from "@/lib/domain/dashboard-period";
import { dateTime, day, regionalPageRows, regionalTables, timeOfDay, withTotals } from "@/lib/presentation/dashboard-tables";
import { regionalPageQuery } from "@/lib/schemas/dashboards";
import { dashboardZone, pagePeriodOrDefault } from "@/lib/services/dashboards/dashboard-scope";
import { readRegionalView } from "@/lib/services/dashboards/dashboard-summaries";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("regional");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RegionalPage({ searchParams }: Props) {
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""),
  );
  const parsed = regionalPageQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : regionalPageQuery.parse({});
  const caller = await pageCaller();
  const now = new Date();
  const { period, error } = pagePeriodOrDefault(query, now);
  const scope = await dashboardZone(caller, null);
  if (!scope.ok) notFound();
  const zones = scope.value.zones;
  // A reader of a single zone (a sector lead) reads it as such: its name, its lists, its annual report.
  const zone = query.zone ?? (zones.length === 1 ? zones[0]!.code : null);
  const found = await readRegionalView(caller, zone, period, now);
  if (!found.ok) notFound();
  // The long lists cut to their first rows before their tables are built (2,001 schools nationally).
  const { dashboard, schools, totals } = regionalPageRows(
    found.value.dashboard,
    sortRows(found.value.dashboard.establishments, query.sort, query.dir),
  );
  const { summary } = found.value;
  const [{ t, table, period: periodLabels }, locale] = await Promise.all([dashboardLabels(), getLocale()]);
  const drillScope = zone ? { zone } : {};
  const links = dashboardLinks(caller, drillScope, period);
  const drill = (filters: Record<string, string>) => drillHref(drillScope, filters);
  const tables = withTotals(
    regionalTables(
      dashboard,
      t,
      {
        ...links,
        zone: (code) => regionalHref(code, period),
        schoolDrill: (uai, filters) => drillHref({ establishment: uai }, filters),
        zoneDrill: (code, filters) => drillHref({ zone: code }, filters),
      },
      { locale, now: new Date(dashboard.computedAt) },
      schools,
    ),
    totals,
  );
  const title = dashboard.scope.kind === "zone" ? dashboard.scope.name : t("zoneAll");

  return (
    <article className="space-y-6">
      <header className="space-y-3">
        <p className="text-sm text-slate-500">
          <Link href={DASHBOARDS} className="underline">
            {t("title")}
          </Link>{" "}
          · {t("regional")}
        </p>
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p className="text-sm text-slate-600">
          {t("regionalIntro")}{" "}
          {summary?.state === "served"
            ? t("summaryAt", {
                day: day(dashboard.computedAt, locale),
                time: timeOfDay(dashboard.computedAt, locale),
                minutes: summary.everyMinutes,
              })
            : t("computedAt", { at: dateTime(dashboard.computedAt, locale) })}
          {summary?.state === "pending" && <> · {t("summaryPending", { minutes: summary.everyMinutes })}</>}
          <ReplicaLag />
        </p>
        {zones.length > 1 && (
          <nav aria-label={t("tables.zones")} className="flex flex-wrap gap-2 text-sm print:hidden">
            <Link
              href={regionalHref(null, period)}
              aria-current={zone === null ? "page" : undefined}
              className={`rounded-full border px-3 py-1 ${zone === null ? "border-brand-700 bg-brand-50" : "border-slate-300"}`}
            >
              {t("zoneAll")}
            </Link>
            {zones.map((item) => (
              <Link
                key={item.code}
                href={regionalHref(item.code, period)}
                aria-current={zone === item.code ? "page" : undefined}
                className={`rounded-full border px-3 py-1 ${zone === item.code ? "border-brand-700 bg-brand-50" : "border-slate-300"}`}
              >
                {item.name}
              </Link>
            ))}
          </nav>
        )}
        {zone && (
          <p className="text-sm print:hidden">
            <Link className="text-brand-700 underline" href={reportHref({ zone }, schoolYearLabel(period.to))}>
              {t("annualReport")}
            </Link>
          </p>
        )}
        <PeriodPicker period={period} labels={periodLabels} keep={{ zone: zone ?? undefined, sort: query.sort, dir: query.dir }} />
        {error !== null && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            {t("invalidPeriod", { message: translateText(error.message, error.values, locale === "en" ? "en" : "fr") })}
          </p>
        )}
      </header>
      <RegionalView
        dashboard={dashboard}
        tables={tables}
        t={t}
        locale={locale}
        drill={drill}
        tableLabels={table}
        csv={(id) => (zone ? csvHref("zone", zone, id, period) : `${DASHBOARDS}/csv/${id}?from=${period.from}&to=${period.to}`)}
        schools={{
          sorted: { key: query.sort, direction: query.dir },
          sortHref: (key) =>
            ["label", "backlog", "breachedOpen", "opened", "resolved", "ttoCompliance", "ttrCompliance", "satisfaction"].includes(key)
              ? regionalHref(zone, period, { sort: key, dir: query.sort === key && query.dir === "desc" ? "asc" : "desc" })
              : null,
          compareAction: `${DASHBOARDS}/comparer`,
          periodFields: periodParams(period),
        }}
      />
    </article>
  );
}
