import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { dashboardLabels } from "@/components/dashboard/dashboard-labels";
import { pageCaller } from "@/lib/auth/current-caller";
import { regionalHref, reportHref, schoolDashboardHref } from "@/lib/presentation/dashboard-links";
import { can } from "@/lib/domain/permissions";
import { readableSchools } from "@/lib/services/dashboards/dashboard-scope";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("dashboards");

/** The way in: a head of one school goes straight to its dashboard; others choose a school or the regional view. */
export default async function DashboardsPage() {
  const caller = await pageCaller();
  if (!can(caller, "dashboards.establishment")) notFound();
  const schools = await readableSchools(caller);
  if (!can(caller, "dashboards.regional") && schools.length === 1) redirect(schoolDashboardHref(schools[0]!.uai));
  const { t } = await dashboardLabels();
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("intro")}</p>
      </div>
      {can(caller, "dashboards.regional") && (
        <p>
          <Link href={regionalHref(null)} className="inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">
            {t("regional")}
          </Link>
        </p>
      )}
      <div>
        <h2 className="text-lg font-medium">{t("mySchools")}</h2>
        {schools.length === 0 ? (
          <p className="mt-2 text-slate-600">{t("noData")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {schools.map((school) => (
              <li key={school.uai} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                <Link href={schoolDashboardHref(school.uai)} className="text-brand-700 underline">
                  {school.name}
                </Link>
                <span className="text-sm text-slate-500">
                  {school.uai} · {school.zoneName} ·{" "}
                  <Link className="underline" href={reportHref({ establishment: school.uai })}>
                    {t("annualReport")}
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
