import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { dateWriter } from "@/components/ui/date-time";
import type { Caller } from "@/lib/domain/caller";
import { isSchoolStaff } from "@/lib/domain/permissions";
import { callerAffiliations } from "@/lib/services/accounts/caller-affiliations";
import { campaignInSurvey } from "@/lib/services/campaigns/campaigns";

/** While a campaign's survey is open, the school's staff are led to their questionnaire (home page, the school's page). */
export async function CampaignSurveyNotice({ caller, uai }: { caller: Caller; uai?: string }) {
  if (caller.role !== "requester" && caller.role !== "manager") return null;
  const campaign = await campaignInSurvey(caller, new Date());
  if (!campaign) return null;
  const [t, write, { establishments }] = await Promise.all([getTranslations("campaigns"), dateWriter(), callerAffiliations(caller)]);
  const schools = establishments.filter((school) => isSchoolStaff(caller, school.id) && (!uai || school.uai === uai));
  if (!schools.length) return null;
  return (
    <aside className="rounded-lg border border-brand-700 bg-brand-50 p-4">
      <p>{t("home.survey", { year: campaign.year, to: write.day(campaign.survey.to, "longDay") })}</p>
      <ul className="mt-2 space-y-1">
        {schools.map((school) => (
          <li key={school.uai}>
            <Link href={`/campagnes/${campaign.year}/etablissements/${school.uai}`} className="font-medium text-brand-800 underline">
              {t("home.link", { year: campaign.year })}
              {schools.length > 1 ? ` (${school.name})` : ""}
            </Link>
          </li>
        ))}
      </ul>
    </aside>
  );
}
