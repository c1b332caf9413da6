import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SchoolContacts } from "./school-contacts";
import { CampaignSurveyNotice } from "../campaign-survey-notice";
import { SupportModeBadge } from "@/components/establishments/support-mode-badge";
import { InviteStaffForm, RemoveStaffForm, StaffFunctionForm } from "@/components/people/staff-forms";
import { DataTable } from "@/components/ui/data-table";
import type { Caller } from "@/lib/domain/caller";
import { pageCaller } from "@/lib/auth/current-caller";
import { schoolDashboardHref } from "@/lib/presentation/dashboard-links";
import { can } from "@/lib/domain/permissions";
import { findAccounts } from "@/lib/services/accounts/find-accounts";
import { staffFunctionOptions } from "@/lib/services/accounts/staff-functions";
import { callerAffiliations } from "@/lib/services/accounts/caller-affiliations";
import { titled } from "@/i18n/page-title";
import { SchoolTechnicianPanel } from "@/components/planning/school-technician-panel";
import { schoolTechnician } from "@/lib/services/planning/school-technician";
import { DelegationGapNotice } from "@/components/registers/register-tables";
import { schoolDelegationGap } from "@/lib/services/registers/read-registers";
import { NameDelegateForm, RemoveDelegateForm } from "@/components/approvals/delegate-forms";
import { readApprovalDelegates } from "@/lib/services/approvals/approval-delegates";
import { inviteStaff, nameApprovalDelegate, removeApprovalDelegate, removeStaff, setStaffFunction } from "./actions";

export const generateMetadata = titled("myEstablishment");

export default async function MyEstablishmentPage() {
  const caller = await pageCaller();
  if (!can(caller, "establishments.read_own")) notFound();
  const [t, tDashboards, tRegisters, { establishments }] = await Promise.all([
    getTranslations("establishments"),
    getTranslations("dashboards"),
    getTranslations("registers"),
    callerAffiliations(caller),
  ]);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("mineTitle")}</h1>
      {establishments.map((school) => (
        <article key={school.id} className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-lg font-medium">{school.name}</h2>
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("uai")}</dt>
            <dd>{school.uai}</dd>
            <dt className="text-slate-500">{t("type")}</dt>
            <dd>{school.type}</dd>
            <dt className="text-slate-500">{t("city")}</dt>
            <dd>{school.city}</dd>
            <dt className="text-slate-500">{t("zone")}</dt>
            <dd>{school.zoneName}</dd>
            <dt className="text-slate-500">{t("supportMode")}</dt>
            <dd>
              <SupportModeBadge mode={school.supportMode} /> <span className="text-slate-600">{t(`modeHelp.${school.supportMode}`)}</span>
            </dd>
          </dl>
          <DelegationGapOf caller={caller} uai={school.uai} />
          <div className="mt-3">
            <CampaignSurveyNotice caller={caller} uai={school.uai} />
          </div>
          <div className="mt-3">
            <SchoolTechnicianOf caller={caller} uai={school.uai} />
          </div>
          <div className="mt-3">
            <SchoolContacts uai={school.uai} />
          </div>
          <p className="mt-3 flex flex-wrap gap-4 text-sm">
            <Link className="text-brand-700 underline" href={`/inventaire/etablissements/${school.uai}`}>
              {t("inventory")}
            </Link>
            <Link className="text-brand-700 underline" href={`/etablissements/${school.uai}/registres`}>
              {tRegisters("openRegisters")}
            </Link>
            <Link className="text-brand-700 underline" href="/livraisons">
              {t("deliveries")}
            </Link>
            <Link className="text-brand-700 underline" href={`/livraisons/recyclage/${school.uai}`}>
              {t("recycling")}
            </Link>
            {can(caller, "dashboards.establishment") && (
              <Link className="text-brand-700 underline" href={schoolDashboardHref(school.uai)}>
                {tDashboards("openDashboard")}
              </Link>
            )}
          </p>
          {caller.role === "manager" && <SchoolStaff caller={caller} school={school} />}
        </article>
      ))}
    </section>
  );
}

/** The `ouvert` mode's missing delegation, flagged. */
async function DelegationGapOf({ caller, uai }: { caller: Caller; uai: string }) {
  const gap = await schoolDelegationGap(caller, uai, new Date());
  return gap ? (
    <div className="mt-3">
      <DelegationGapNotice gap={gap} />
    </div>
  ) : null;
}

/** The school's referent technician, backup and next visit. */
async function SchoolTechnicianOf({ caller, uai }: { caller: Caller; uai: string }) {
  const summary = await schoolTechnician(caller, uai, new Date());
  return summary ? <SchoolTechnicianPanel summary={summary} headingLevel={3} /> : null;
}

/** A head's delegated administration: the school's staff, their functions, removals and invitations. */
async function SchoolStaff({ caller, school }: { caller: Caller; school: { id: string; uai: string } }) {
  const [page, functions, t] = await Promise.all([
    findAccounts(caller, { filters: { establishment: school.uai, disabled: false }, limit: 100 }),
    staffFunctionOptions(),
    getTranslations("people"),
  ]);
  if (!page.ok) return null;
  const staff = page.value.items;
  return (
    <section className="mt-6" aria-labelledby={`staff-${school.uai}`}>
      <h3 id={`staff-${school.uai}`} className="text-base font-semibold">
        {t("staffTitle")}
      </h3>
      <p className="mt-1 text-sm text-slate-600">{t("staffHelp")}</p>
      <DataTable
        columns={[
          t("name"),
          t("function"),
          <span key="remove" className="sr-only">
            {t("remove")}
          </span>,
        ]}
      >
        {staff.map((person) => (
          <tr key={person.id} className="border-t border-slate-100 align-top" data-email={person.email}>
            <td className="px-3 py-2">
              {person.name}
              <br />
              <span className="text-slate-500">{person.email}</span>
            </td>
            <td className="px-3 py-2">
              <StaffFunctionForm action={setStaffFunction} person={person} functionCode={person.functionCode} functions={functions} />
            </td>
            <td className="px-3 py-2">
              {person.id !== caller.id && (
                <RemoveStaffForm action={removeStaff} person={person} establishmentId={school.id} colleagues={staff} />
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <h3 className="mt-4 text-base font-semibold">{t("inviteTitle")}</h3>
      <div className="mt-2">
        <InviteStaffForm action={inviteStaff} uai={school.uai} functions={functions} />
      </div>
      <ApprovalDelegates caller={caller} school={school} staff={staff} />
    </section>
  );
}

/** Who approves requests in the head's stead: the head names and removes them; the rest of the staff read the list. */
async function ApprovalDelegates({
  caller,
  school,
  staff,
}: {
  caller: Caller;
  school: { id: string; uai: string };
  staff: { id: string; name: string }[];
}) {
  const [found, t] = await Promise.all([readApprovalDelegates(caller, school.id), getTranslations("approvals.delegates")]);
  if (!found) return null;
  const named = new Set(found.delegates.map((delegate) => delegate.userId));
  return (
    <section className="mt-6" aria-labelledby={`delegates-${school.uai}`}>
      <h3 id={`delegates-${school.uai}`} className="text-base font-semibold">
        {t("title")}
      </h3>
      <p className="mt-1 text-sm text-slate-600">{t("help")}</p>
      {found.delegates.length === 0 ? (
        <p className="mt-2 text-sm">{t("none")}</p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm">
          {found.delegates.map((delegate) => (
            <li key={delegate.userId} className="flex flex-wrap items-center gap-2">
              <span>{delegate.name}</span>
              {found.editable && (
                <RemoveDelegateForm
                  action={removeApprovalDelegate}
                  uai={school.uai}
                  person={{ id: delegate.userId, name: delegate.name }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {found.editable && (
        <div className="mt-2">
          <NameDelegateForm
            action={nameApprovalDelegate}
            uai={school.uai}
            candidates={staff.filter((person) => person.id !== caller.id && !named.has(person.id))}
          />
        </div>
      )}
    </section>
  );
}
