import Link from "next/link";
import { getLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { dashboardLabels } from "@/components/dashboard/dashboard-labels";
import { ReplicaLag } from "@/components/dashboard/replica-lag";
import { PeriodPicker } from "@/components/dashboard/period-picker";
import { SpecTable } from "@/components/dashboard/spec-table";
import { pageCaller } from "@/lib/auth/current-caller";
import { DASHBOARDS, schoolDashboardHref, schoolsHref } from "@/lib/presentation/dashboard-links";
import { compareTable, dateTime } from "@/lib/presentation/dashboard-tables";
import { dashboardPageQuery } from "@/lib/schemas/dashboards";
import { uaiCode } from "@/lib/schemas/primitives";
import { pagePeriodOrDefault } from "@/lib/services/dashboards/dashboard-scope";
import { readEstablishmentDashboard } from "@/lib/services/dashboards/establishment-dashboard";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("compare");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Two schools side by side over one period (the regional view's "Comparer": ?uai=A&uai=B, or ?a=&b=). */
export default async function ComparePage({ searchParams }: Props) {
  const raw = await searchParams;
  const picked = [raw.uai, raw.a, raw.b].flat().filter((value): value is string => typeof value === "string" && value !== "");
  const single = Object.fromEntries(
    Object.entries(raw).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""),
  );
  const caller = await pageCaller();
  const [{ t, table, period: periodLabels }, locale] = await Promise.all([dashboardLabels(), getLocale()]);
  const uais = [
    ...new Set(
      picked
        .map((value) => uaiCode.safeParse(value))
        .filter((result) => result.success)
        .map((result) => result.data),
    ),
  ];
  if (uais.length !== 2) {
    return (
      <section className="space-y-3">
        <h1 className="text-2xl font-semibold">{t("compareTitle")}</h1>
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm">
          {t("compareNeedsTwo")}
        </p>
        <Link href={schoolsHref(caller)} className="text-brand-700 underline">
          {t(schoolsHref(caller) === DASHBOARDS ? "title" : "regional")}
        </Link>
      </section>
    );
  }
  const now = new Date();
  const parsed = dashboardPageQuery.safeParse(single);
  const { period } = pagePeriodOrDefault(parsed.success ? parsed.data : {}, now);
  const [a, b] = await Promise.all(uais.map((uai) => readEstablishmentDashboard(caller, uai, period, now)));
  if (!a!.ok || !b!.ok) notFound();
  const spec = compareTable(a!.value, b!.value, t, { school: (uai) => schoolDashboardHref(uai, period) }, { locale, now });
  return (
    <article className="space-y-4">
      <p className="text-sm text-slate-500">
        <Link href={DASHBOARDS} className="underline">
          {t("title")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("compareTitle")}</h1>
      <p className="text-sm text-slate-600">
        {t("computedAt", { at: dateTime(now.toISOString(), locale) })}
        <ReplicaLag />
      </p>
      <ul className="flex flex-wrap gap-3 text-sm">
        {[a!.value, b!.value].map((d) => (
          <li key={d.establishment.uai}>
            <Link className="text-brand-700 underline" href={schoolDashboardHref(d.establishment.uai, period)}>
              {d.establishment.name}
            </Link>
          </li>
        ))}
      </ul>
      <PeriodPicker period={period} labels={periodLabels} keep={{ a: uais[0], b: uais[1] }} />
      <SpecTable
        table={spec}
        labels={table(spec.title)}
        csvHref={`${DASHBOARDS}/csv/compare?a=${uais[0]}&b=${uais[1]}&from=${period.from}&to=${period.to}`}
      />
    </article>
  );
}
