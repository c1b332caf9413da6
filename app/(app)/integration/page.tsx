import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { OnboardingDocumentLink } from "@/components/organisation/onboarding-document-link";
import { OrganisationTabs } from "@/components/organisation/organisation-tabs";
import { DataTable } from "@/components/ui/data-table";
import { pageCaller } from "@/lib/auth/current-caller";
import { can } from "@/lib/domain/permissions";
import { ONBOARDING_STATES } from "@/lib/domain/vocabulary";
import { ONBOARDING_MEETINGS } from "@/lib/schemas/organisation";
import { readOnboardingBoard } from "@/lib/services/organisation/onboarding-board";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("onboarding");

/** Where every school stands in joining the scheme (RDV1 to RDV4), with each meeting's documents: the Région's leads and admins; a sector lead sees their zone. */
export default async function OnboardingBoardPage() {
  const caller = await pageCaller();
  const board = await readOnboardingBoard(caller);
  if (!board) notFound();
  const [t, tStates, tMeetings, format] = await Promise.all([
    getTranslations("schools.board"),
    getTranslations("schools.states"),
    getTranslations("schools.meetings"),
    getFormatter(),
  ]);
  const admin = can(caller, "organisation.manage");
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: "medium" });
  return (
    <section className="space-y-6">
      {admin && <OrganisationTabs current="onboarding" />}
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-2 text-slate-600">
          {t("intro")}
          {caller.role === "sector_lead" && ` ${t("zoneOnly")}`}
        </p>
      </div>
      <dl className="grid gap-3 sm:grid-cols-3">
        {ONBOARDING_STATES.map((state) => (
          <div key={state} data-state={state} className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-600">{tStates(state)}</dt>
            <dd className="text-2xl font-semibold">{t("count", { count: board.counts[state] ?? 0 })}</dd>
          </div>
        ))}
      </dl>
      <DataTable columns={[t("school"), t("state"), ...ONBOARDING_MEETINGS.map((meeting) => tMeetings(meeting))]}>
        {board.schools.map((school) => (
          <tr key={school.id} data-uai={school.uai} className="border-t border-slate-100">
            <td className="px-3 py-2">
              {admin ? (
                <Link className="text-brand-700 underline" href={`/admin/etablissements/${school.uai}`}>
                  {school.name}
                </Link>
              ) : (
                school.name
              )}
              <span className="block text-xs text-slate-500">
                {school.uai} · {school.city} · {school.zoneName}
              </span>
            </td>
            <td className="px-3 py-2">{tStates(school.state)}</td>
            {ONBOARDING_MEETINGS.map((meeting) => {
              const row = school.meetings.find((item) => item.meeting === meeting);
              const documents = school.documents.filter((document) => document.meeting === meeting);
              return (
                <td key={meeting} className="px-3 py-2 text-xs">
                  {row?.heldOn
                    ? t("held", { date: day(row.heldOn) })
                    : row?.plannedOn
                      ? t("planned", { date: day(row.plannedOn) })
                      : t("none")}
                  {documents.length > 0 && (
                    <ul className="mt-1 space-y-0.5">
                      {documents.map((document) => (
                        <li key={document.id}>
                          <OnboardingDocumentLink uai={school.uai} document={document} />
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
