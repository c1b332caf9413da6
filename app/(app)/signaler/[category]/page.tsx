import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { translateText } from "@/i18n/text";
import { pageTitle } from "@/i18n/page-title";
import { notFound } from "next/navigation";
import { SelfHelp } from "@/components/filing/self-help";
import { TicketForm } from "@/components/filing/ticket-form";
import { pageCaller } from "@/lib/auth/current-caller";
import { SELF_HELP } from "@/lib/catalogue/self-help";
import { filingRefusal, OUT_OF_INVENTORY_NOTICE } from "@/lib/domain/filing-rules";
import { declaredCampaignDates } from "@/lib/services/campaigns/campaigns";
import { readCatalogue } from "@/lib/services/tickets/catalogue";
import { portalContext } from "@/lib/services/portal/portal-context";
import { deflectFiling, fileTicket } from "./actions";
import { KnownIncidents } from "../../known-incidents";

type Props = { params: Promise<{ category: string }>; searchParams: Promise<{ conseil?: string }> };

/** Step 3 of filing, named after its category. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { category: code } = await params;
  const category = (await readCatalogue()).flatMap((service) => service.categories).find((candidate) => candidate.code === code);
  return category ? pageTitle("fileForm", { category: category.name }) : pageTitle("fileService");
}

/** Step 3 of filing: advice first for the school's own tasks, then the category's form. */
export default async function FileCategoryPage({ params, searchParams }: Props) {
  const [{ category: code }, { conseil }] = await Promise.all([params, searchParams]);
  const caller = await pageCaller();
  const [t, catalogue, portal, requestLocale] = await Promise.all([
    getTranslations("filing"),
    readCatalogue(),
    portalContext(caller),
    getLocale(),
  ]);
  const locale = requestLocale === "en" ? "en" : "fr";
  const service = catalogue.find((candidate) => candidate.categories.some((category) => category.code === code));
  const category = service?.categories.find((candidate) => candidate.code === code);
  if (!service || !category || !portal.canFile) notFound();

  const now = new Date();
  const campaigns = category.code === "EQUIP-DOTATION" ? await declaredCampaignDates() : [];
  const refusals = portal.schools.map((school) => ({ school, refusal: filingRefusal(category, school.supportMode, now, campaigns) }));
  const open = refusals.filter((entry) => entry.refusal === null).map((entry) => entry.school);
  const advice = SELF_HELP[category.code];

  return (
    <section className="space-y-4">
      <p className="text-sm text-slate-600">
        {service.name} › {category.name}
      </p>
      <h1 className="text-2xl font-semibold">{t("formTitle", { type: category.type })}</h1>
      <KnownIncidents caller={caller} serviceCode={service.code} />
      {open.length === 0 ? (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4">
          <h2 className="font-semibold text-red-900">{t("refused")}</h2>
          <p className="mt-1 text-sm text-red-900">
            {refusals[0]?.refusal && translateText(refusals[0].refusal.message, refusals[0].refusal.values, locale)}
          </p>
        </div>
      ) : advice && conseil !== "lu" ? (
        <SelfHelp task={advice.task} steps={advice.steps} fileAnywayHref={`/signaler/${category.code}?conseil=lu`} />
      ) : (
        <TicketForm
          action={fileTicket}
          deflect={deflectFiling}
          service={{ code: service.code }}
          category={{
            code: category.code,
            type: category.type,
            hardware: category.hardware,
            fields: category.fields,
            approvalLevels: category.approvalLevels,
          }}
          schools={open.map((school) => ({ uai: school.uai, name: school.name }))}
          outOfInventoryNotice={translateText(OUT_OF_INVENTORY_NOTICE, undefined, locale)}
        />
      )}
    </section>
  );
}
