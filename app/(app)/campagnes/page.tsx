import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CreateCampaignForm } from "@/components/campaigns/create-campaign-form";
import { dateWriter } from "@/components/ui/date-time";
import { titled } from "@/i18n/page-title";
import { pageCaller } from "@/lib/auth/current-caller";
import { parisDay } from "@/lib/domain/business-calendar";
import { campaignMoment } from "@/lib/domain/campaigns";
import { can } from "@/lib/domain/permissions";
import { listCampaigns } from "@/lib/services/campaigns/campaigns";
import { listAllZones } from "@/lib/services/organisation/list-establishments";
import { createCampaignAction } from "./actions";

export const generateMetadata = titled("campaigns");

/** The yearly equipment campaigns: each one's calendar and where it stands; the Région opens the next here. */
export default async function CampaignsPage() {
  const caller = await pageCaller();
  const listed = await listCampaigns(caller);
  if (!listed.ok) notFound();
  const [t, write, zones] = await Promise.all([
    getTranslations("campaigns"),
    dateWriter(),
    can(caller, "campaigns.manage") ? listAllZones() : [],
  ]);
  const today = parisDay(new Date());
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-700">{t("intro")}</p>
      {listed.value.length === 0 ? <p>{t("none")}</p> : null}
      <ul className="space-y-3">
        {listed.value.map((campaign) => (
          <li key={campaign.year} className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="text-lg font-medium">
              <Link href={`/campagnes/${campaign.year}`} className="text-brand-700 underline">
                {t("year", { year: campaign.year })}
              </Link>{" "}
              <span className="text-sm font-normal text-slate-600">({t(`moments.${campaignMoment(campaign, today)}`)})</span>
            </h2>
            <p className="text-sm">
              {t("phases.survey")} :{" "}
              {t("phaseRange", { from: write.day(campaign.survey.from, "longDay"), to: write.day(campaign.survey.to, "longDay") })}
            </p>
          </li>
        ))}
      </ul>
      {can(caller, "campaigns.manage") ? (
        <section className="space-y-2">
          <h2 className="text-xl font-semibold">{t("create.title")}</h2>
          <CreateCampaignForm action={createCampaignAction} zones={zones.map((zone) => ({ code: zone.code, name: zone.name }))} />
        </section>
      ) : null}
    </section>
  );
}
