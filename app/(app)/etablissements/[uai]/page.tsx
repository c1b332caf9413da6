import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { EstablishmentContacts } from "@/components/establishments/establishment-contacts";
import { SupportModeBadge } from "@/components/establishments/support-mode-badge";
import { pageCaller } from "@/lib/auth/current-caller";
import { checkedUai } from "@/lib/schemas/primitives";
import { readEstablishment } from "@/lib/services/organisation/read-establishment";
import { ReferentsForm } from "@/components/planning/referents-form";
import { SchoolTechnicianPanel } from "@/components/planning/school-technician-panel";
import { referentChoices } from "@/lib/services/planning/referents";
import { schoolTechnician } from "@/lib/services/planning/school-technician";
import { saveReferents } from "./actions";
import { titledOnceFound } from "@/i18n/page-title";
import { DelegationGapNotice } from "@/components/registers/register-tables";
import { readsSchoolRegisters, schoolDelegationGap } from "@/lib/services/registers/read-registers";

type Props = { params: Promise<{ uai: string }> };

/** The school the caller may see, or the 404 page; one lookup per request for the title and the body. */
const visibleSchool = cache(async (rawUai: string) => {
  const uai = checkedUai.safeParse(decodeURIComponent(rawUai));
  if (!uai.success) notFound();
  const caller = await pageCaller();
  const school = await readEstablishment(caller, uai.data);
  if (!school) notFound();
  return { caller, uai: uai.data, school };
});

export const generateMetadata = titledOnceFound("establishment", async ({ params }: Props) => visibleSchool((await params).uai));

/** One school for the Région's and Académie's staff: its record, support mode, onboarding state and contacts. */
export default async function EstablishmentPage({ params }: Props) {
  const { caller, uai, school } = await visibleSchool((await params).uai);
  const [t, tStates, tFields, tReferents, tRegisters, technician, choices, gap, registers] = await Promise.all([
    getTranslations("establishments"),
    getTranslations("schools.states"),
    getTranslations("schools.fields"),
    getTranslations("planning.referents"),
    getTranslations("registers"),
    schoolTechnician(caller, uai, new Date()),
    referentChoices(caller, uai),
    schoolDelegationGap(caller, uai, new Date()),
    readsSchoolRegisters(caller, { id: school.id, zoneId: school.zone.id }),
  ]);
  return (
    <section className="space-y-4">
      <p>
        <Link href="/etablissements" className="text-sm text-brand-700 underline">
          {t("title")}
        </Link>
      </p>
      <article className="rounded-lg border border-slate-200 bg-white p-4">
        <h1 className="text-2xl font-semibold">{school.name}</h1>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500">{t("uai")}</dt>
          <dd className="font-mono">{school.uai}</dd>
          <dt className="text-slate-500">{t("type")}</dt>
          <dd>{school.type}</dd>
          <dt className="text-slate-500">{t("city")}</dt>
          <dd>
            {school.city} ({school.departement})
          </dd>
          <dt className="text-slate-500">{t("zone")}</dt>
          <dd>{school.zone.name}</dd>
          <dt className="text-slate-500">{t("supportMode")}</dt>
          <dd>
            <SupportModeBadge mode={school.supportMode} /> <span className="text-slate-600">{t(`modeHelp.${school.supportMode}`)}</span>
          </dd>
          <dt className="text-slate-500">{tFields("onboardingState")}</dt>
          <dd>{tStates(school.onboardingState)}</dd>
        </dl>
        <div className="mt-3">
          <EstablishmentContacts school={school} />
        </div>
        {gap && (
          <div className="mt-3">
            <DelegationGapNotice gap={gap} />
          </div>
        )}
        <p className="mt-3 flex flex-wrap gap-4 text-sm">
          <Link className="text-brand-700 underline" href={`/inventaire/etablissements/${school.uai}`}>
            {t("inventory")}
          </Link>
          {registers && (
            <Link className="text-brand-700 underline" href={`/etablissements/${school.uai}/registres`}>
              {tRegisters("openRegisters")}
            </Link>
          )}
        </p>
      </article>
      <article className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="referents-title">
        <h2 id="referents-title" className="text-lg font-semibold">
          {tReferents("title")}
        </h2>
        {technician && <SchoolTechnicianPanel summary={technician} headingLevel={3} />}
        {choices && (
          <ReferentsForm
            action={saveReferents}
            uai={school.uai}
            referent={technician?.referent ?? null}
            backup={technician?.backup ?? null}
            choices={choices}
          />
        )}
      </article>
    </section>
  );
}
