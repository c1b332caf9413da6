import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DataTable } from "@/components/ui/data-table";
import { dateWriter } from "@/components/ui/date-time";
import { titledOnceFound } from "@/i18n/page-title";
import { pageCaller } from "@/lib/auth/current-caller";
import { parisDay } from "@/lib/domain/business-calendar";
import { campaignMoment, CAMPAIGN_PHASES, CAMPAIGN_PROGRESS } from "@/lib/domain/campaigns";
import { DELIVERY_STATES } from "@/lib/domain/deliveries";
import { campaignYear } from "@/lib/schemas/campaigns";
import { callerAffiliations } from "@/lib/services/accounts/caller-affiliations";
import { campaignAnalysis } from "@/lib/services/campaigns/allocation";
import { readCampaign } from "@/lib/services/campaigns/campaigns";

type Props = { params: Promise<{ year: string }> };

const load = cache(async (raw: string) => {
  const year = campaignYear.safeParse(raw);
  if (!year.success) notFound();
  const caller = await pageCaller();
  const campaign = await readCampaign(caller, year.data);
  if (!campaign.ok) notFound();
  return { caller, campaign: campaign.value };
});

export const generateMetadata = titledOnceFound("campaign", async ({ params }: Props) => load((await params).year));

/** One campaign: its calendar, catalogue and envelopes; the school's questionnaire link; for the analysts, the zones' totals and each school's progress. */
export default async function CampaignPage({ params }: Props) {
  const { caller, campaign } = await load((await params).year);
  const now = new Date();
  const [t, tCmdb, tDeliveries, write, analysis, affiliations] = await Promise.all([
    getTranslations("campaigns"),
    getTranslations("cmdb"),
    getTranslations("deliveries"),
    dateWriter(),
    campaignAnalysis(caller, campaign.year, now),
    callerAffiliations(caller),
  ]);
  const money = (amount: number) => t("detail.euros", { amount: amount.toLocaleString("fr-FR") });
  return (
    <section className="space-y-4">
      <p className="text-sm">
        <Link href="/campagnes" className="text-brand-700 underline">
          {t("title")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">
        {t("year", { year: campaign.year })}{" "}
        <span className="text-base font-normal text-slate-600">({t(`moments.${campaignMoment(campaign, parisDay(now))}`)})</span>
      </h1>
      {affiliations.establishments.length ? (
        <ul className="space-y-1">
          {affiliations.establishments.map((school) => (
            <li key={school.uai}>
              <Link href={`/campagnes/${campaign.year}/etablissements/${school.uai}`} className="font-medium text-brand-700 underline">
                {t("detail.questionnaireOf", { school: school.name })}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <h2 className="text-xl font-semibold">{t("detail.calendar")}</h2>
      <ul className="list-disc pl-5 text-sm">
        {CAMPAIGN_PHASES.map((phase) => (
          <li key={phase}>
            {t(`phases.${phase}`)} :{" "}
            {t("phaseRange", { from: write.day(campaign[phase].from, "longDay"), to: write.day(campaign[phase].to, "longDay") })}
          </li>
        ))}
      </ul>
      <p className="text-sm">{t("detail.ratio", { ratio: campaign.pupilsPerWorkstation })}</p>
      {campaign.criteria.length ? (
        <>
          <h2 className="text-xl font-semibold">{t("detail.criteria")}</h2>
          <ul className="list-disc pl-5 text-sm">
            {campaign.criteria.map((criterion) => (
              <li key={criterion}>{criterion}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 className="text-xl font-semibold">{t("detail.catalogue")}</h2>
      <DataTable
        columns={[t("detail.code"), t("detail.label"), t("detail.class"), t("detail.model"), t("detail.unitCost")]}
        label={t("detail.catalogue")}
      >
        {campaign.catalogue.map((item) => (
          <tr key={item.code} className="border-t border-slate-100">
            <td className="px-3 py-2">{item.code}</td>
            <td className="px-3 py-2">{item.label}</td>
            <td className="px-3 py-2">{tCmdb(`classes.${item.class}` as never)}</td>
            <td className="px-3 py-2">{item.model}</td>
            <td className="px-3 py-2">{money(item.unitCost)}</td>
          </tr>
        ))}
      </DataTable>
      {analysis ? (
        <>
          <h2 className="text-xl font-semibold">{t("analysis.summary")}</h2>
          <DataTable
            columns={[
              t("detail.zone"),
              t("detail.envelope"),
              t("analysis.requested"),
              t("analysis.granted"),
              t("analysis.remaining"),
              ...CAMPAIGN_PROGRESS.map((state) => t(`statuses.${state}`)),
              ...DELIVERY_STATES.map((stage) => tDeliveries(`states.${stage}`)),
            ]}
            label={t("analysis.summary")}
          >
            {analysis.zones.map((zone) => (
              <tr key={zone.zoneId} className="border-t border-slate-100">
                <td className="px-3 py-2">{zone.zoneName}</td>
                <td className="px-3 py-2">{zone.envelope === null ? "—" : money(zone.envelope)}</td>
                <td className="px-3 py-2">{money(zone.requestedCost)}</td>
                <td className="px-3 py-2">{money(zone.grantedCost)}</td>
                <td className="px-3 py-2">{zone.envelope === null ? "—" : money(zone.envelope - zone.grantedCost)}</td>
                {CAMPAIGN_PROGRESS.map((state) => (
                  <td key={state} className="px-3 py-2">
                    {zone.progress[state]}
                  </td>
                ))}
                {DELIVERY_STATES.map((stage) => (
                  <td key={stage} className="px-3 py-2">
                    {zone.deliveries[stage]}
                  </td>
                ))}
              </tr>
            ))}
            {analysis.scope.kind === "all" ? (
              <tr className="border-t border-slate-300 font-medium">
                <td className="px-3 py-2">{t("analysis.region")}</td>
                <td className="px-3 py-2">{money(analysis.total.envelope)}</td>
                <td className="px-3 py-2">{money(analysis.total.requestedCost)}</td>
                <td className="px-3 py-2">{money(analysis.total.grantedCost)}</td>
                <td className="px-3 py-2">{money(analysis.total.envelope - analysis.total.grantedCost)}</td>
                {CAMPAIGN_PROGRESS.map((state) => (
                  <td key={state} className="px-3 py-2">
                    {analysis.total.progress[state]}
                  </td>
                ))}
                {DELIVERY_STATES.map((stage) => (
                  <td key={stage} className="px-3 py-2">
                    {analysis.total.deliveries[stage]}
                  </td>
                ))}
              </tr>
            ) : null}
          </DataTable>
          <p>
            <a href={`/campagnes/${campaign.year}/csv`} className="text-brand-700 underline">
              {t("analysis.csv")}
            </a>
          </p>
          <h2 className="text-xl font-semibold">{t("analysis.progressTitle")}</h2>
          <DataTable
            columns={[
              t("analysis.school"),
              t("detail.zone"),
              t("analysis.status"),
              t("analysis.pupils"),
              t("analysis.workstations"),
              t("analysis.need"),
              t("analysis.requested"),
              t("analysis.granted"),
              t("analysis.delivery"),
            ]}
            label={t("analysis.progressTitle")}
          >
            {analysis.schools.map((school) => (
              <tr key={school.establishmentId} className="border-t border-slate-100">
                <td className="px-3 py-2">
                  <Link href={`/campagnes/${campaign.year}/etablissements/${school.uai}`} className="text-brand-700 underline">
                    {school.name}
                  </Link>
                </td>
                <td className="px-3 py-2">{school.zoneName}</td>
                <td className="px-3 py-2">{t(`statuses.${school.progress}`)}</td>
                <td className="px-3 py-2">{school.pupils ?? t("analysis.unknown")}</td>
                <td className="px-3 py-2">{school.workstations}</td>
                <td className="px-3 py-2">{school.theoreticalNeed ?? t("analysis.unknown")}</td>
                <td className="px-3 py-2">{money(school.requestedCost)}</td>
                <td className="px-3 py-2">{money(school.grantedCost)}</td>
                <td className="px-3 py-2">{school.delivery ? tDeliveries(`states.${school.delivery}`) : "—"}</td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}
    </section>
  );
}
