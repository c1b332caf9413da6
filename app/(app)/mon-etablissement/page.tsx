import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SupportModeBadge } from "@/components/establishments/support-mode-badge";
import { pageCaller } from "@/lib/auth/current-caller";
import { schoolDashboardHref } from "@/lib/domain/dashboard-links";
import { can } from "@/lib/domain/permissions";
import { callerAffiliations } from "@/lib/services/caller-affiliations";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("myEstablishment");

export default async function MyEstablishmentPage() {
  const caller = await pageCaller();
  if (!can(caller, "establishments.read_own")) notFound();
  const [t, tDashboards, { establishments }] = await Promise.all([getTranslations("establishments"), getTranslations("dashboards"), callerAffiliations(caller)]);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("mineTitle")}</h1>
      {establishments.map((school) => (
        <article key={school.id} className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-lg font-medium">{school.name}</h2>
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("uai")}</dt><dd>{school.uai}</dd>
            <dt className="text-slate-500">{t("type")}</dt><dd>{school.type}</dd>
            <dt className="text-slate-500">{t("city")}</dt><dd>{school.city}</dd>
            <dt className="text-slate-500">{t("zone")}</dt><dd>{school.zoneName}</dd>
            <dt className="text-slate-500">{t("supportMode")}</dt>
            <dd><SupportModeBadge mode={school.supportMode} /> <span className="text-slate-600">{t(`modeHelp.${school.supportMode}`)}</span></dd>
          </dl>
          <p className="mt-3 flex flex-wrap gap-4 text-sm">
            <Link className="text-brand-700 underline" href={`/inventaire/etablissements/${school.uai}`}>{t("inventory")}</Link>
            {can(caller, "dashboards.establishment") && <Link className="text-brand-700 underline" href={schoolDashboardHref(school.uai)}>{tDashboards("openDashboard")}</Link>}
          </p>
        </article>
      ))}
    </section>
  );
}
