import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { DelegationGapNotice, DelegationTable, FilteringTable } from "@/components/registers/register-tables";
import { RenewForm } from "@/components/registers/renew-form";
import { ReviewForm } from "@/components/registers/review-form";
import { pageCaller } from "@/lib/auth/current-caller";
import { canFileTicketFor, can } from "@/lib/domain/permissions";
import { canReviewDelegations } from "@/lib/domain/registers";
import { checkedUai } from "@/lib/schemas/primitives";
import { readSchoolRegisters } from "@/lib/services/registers/read-registers";
import { renewFiltering, reviewDelegationAction } from "./actions";

type Props = { params: Promise<{ uai: string }> };

export async function generateMetadata() {
  const t = await getTranslations("registers");
  return { title: t("title") };
}

/**
 * One school's registers: its filtering exceptions (with "Renouveler" for those who file for the school) and its
 * delegations, for its staff, the security team and the Région; the `ouvert` mode's missing delegations flagged.
 */
export default async function SchoolRegistersPage({ params }: Props) {
  const uai = checkedUai.safeParse(decodeURIComponent((await params).uai));
  if (!uai.success) notFound();
  const caller = await pageCaller();
  const registers = await readSchoolRegisters(caller, uai.data, { inForce: false }, new Date());
  if (!registers.ok) notFound();
  const { school, filtering, delegations, gaps } = registers.value;
  const t = await getTranslations("registers");
  const staffSide = can(caller, "desk.use");
  const ticketHref = (reference: string) => (staffSide ? `/bureau/tickets/${reference}` : `/demandes/${reference}`);
  const mayRenew = canFileTicketFor(caller, school.id);
  return (
    <section className="space-y-4">
      <p>
        <Link href={staffSide ? `/etablissements/${school.uai}` : "/mon-etablissement"} className="text-sm text-brand-700 underline">
          {t("backToSchool")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("schoolTitle", { school: school.name })}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      {gaps.map((gap) => (
        <DelegationGapNotice key={gap.school.uai} gap={gap} />
      ))}
      <article className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="filtering-title">
        <h2 id="filtering-title" className="text-lg font-semibold">
          {t("filtering.title")}
        </h2>
        {mayRenew && <p className="mt-1 text-sm text-slate-600">{t("filtering.renewHelp")}</p>}
        <FilteringTable
          rows={filtering}
          schoolColumn={false}
          ticketHref={ticketHref}
          renew={mayRenew ? (row) => <RenewForm action={renewFiltering} exceptionId={row.id} url={row.url} /> : undefined}
        />
      </article>
      <article className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="delegations-title">
        <h2 id="delegations-title" className="text-lg font-semibold">
          {t("delegations.title")}
        </h2>
        <DelegationTable
          rows={delegations}
          schoolColumn={false}
          ticketHref={ticketHref}
          review={
            canReviewDelegations(caller, school.id)
              ? (row) => <ReviewForm action={reviewDelegationAction} uai={school.uai} delegationId={row.id} person={row.delegate.name} />
              : undefined
          }
        />
      </article>
    </section>
  );
}
