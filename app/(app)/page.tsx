import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ApprovalsHome } from "@/components/home/approvals-home";
import { DeskHome } from "@/components/home/desk-home";
import { PortalHome } from "@/components/home/portal-home";
import { SchoolSummary } from "@/components/home/school-summary";
import { titled } from "@/i18n/page-title";
import { pageCaller } from "@/lib/auth/current-caller";
import { readHome } from "@/lib/services/portal/home";
import { SchoolTechnicianPanel } from "@/components/planning/school-technician-panel";
import { ownSchoolsTechnicians } from "@/lib/services/planning/school-technician";
import { CampaignSurveyNotice } from "./campaign-survey-notice";
import { KnownIncidents } from "./known-incidents";

export const generateMetadata = titled("home");

/** The first screen after sign-in leads to the work: filing and following for school staff, the queues for the desk, the school's figures for its head. */
export default async function HomePage() {
  const caller = await pageCaller();
  const now = new Date();
  const [t, tNav, home] = await Promise.all([getTranslations(), getTranslations("nav"), readHome(caller, now)]);
  const technicians = home.portal ? await ownSchoolsTechnicians(caller, now) : [];
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{t("home.title", { name: caller.name })}</h1>
        <p className="text-slate-600">{t("home.role", { role: t(`roles.${caller.role}`) })}</p>
      </div>
      <KnownIncidents caller={caller} />
      <CampaignSurveyNotice caller={caller} />
      <ApprovalsHome tickets={home.toApprove} />
      {home.portal && <PortalHome portal={home.portal} />}
      {technicians.map((summary) => (
        <SchoolTechnicianPanel key={summary.uai} summary={summary} />
      ))}
      {home.dashboards.map((dashboard) => (
        <SchoolSummary key={dashboard.establishment.uai} dashboard={dashboard} />
      ))}
      {home.desk && <DeskHome desk={home.desk} />}
      {home.shortcuts.length > 0 && (
        <nav aria-labelledby="home-shortcuts">
          <h2 id="home-shortcuts" className="text-lg font-semibold">
            {t("shell.home.shortcutsTitle")}
          </h2>
          <ul className="mt-2 grid grid-cols-2 gap-2 text-sm sm:grid-cols-3 lg:grid-cols-5">
            {home.shortcuts.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className="block h-full rounded-lg border border-slate-200 bg-white p-3 text-brand-800 hover:border-brand-700 hover:bg-brand-50"
                >
                  {tNav(item.key)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}
