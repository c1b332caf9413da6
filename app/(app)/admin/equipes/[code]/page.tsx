import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { notFound } from "next/navigation";
import { fieldOptions } from "@/components/organisation/field-options";
import { FieldsForm } from "@/components/organisation/fields-form";
import { OrganisationTabs } from "@/components/organisation/organisation-tabs";
import { HiddenFieldsButton } from "@/components/sla-admin/hidden-fields-button";
import { pageCaller } from "@/lib/auth/current-caller";
import { can } from "@/lib/domain/permissions";
import { listAllZones } from "@/lib/services/organisation/list-establishments";
import { readTeam } from "@/lib/services/organisation/list-teams";
import { addMemberAction, removeMemberAction, updateTeamAction } from "../actions";
import { titledOnceFound } from "@/i18n/page-title";

type Props = { params: Promise<{ code: string }> };

/** The team for an admin, or the 404 page; one lookup per request for the title and the body. */
const visibleTeam = cache(async (code: string) => {
  const caller = await pageCaller();
  if (!can(caller, "organisation.manage")) notFound();
  const team = await readTeam(caller, code);
  if (!team) notFound();
  return team;
});

export const generateMetadata = titledOnceFound("adminTeam", async ({ params }: Props) =>
  visibleTeam(decodeURIComponent((await params).code)),
);

/** Admins: a team's name, party and zone, and its members (one primary team per person). */
export default async function TeamAdminPage({ params }: Props) {
  const team = await visibleTeam(decodeURIComponent((await params).code));
  const [t, tFields, options, zones] = await Promise.all([
    getTranslations("schools.teams"),
    getTranslations("schools.fields"),
    fieldOptions(),
    listAllZones(),
  ]);
  const hidden = { kind: "hidden", name: "code", value: team.code } as const;
  return (
    <section className="space-y-6">
      <OrganisationTabs current="teams" />
      <p className="flex gap-4 text-sm">
        <Link href="/admin/equipes" className="text-brand-700 underline">
          {t("back")}
        </Link>
        <Link href={`/admin/calendriers/${encodeURIComponent(team.code)}`} className="text-brand-700 underline">
          {t("calendar")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">
        {team.name} <span className="font-mono text-base text-slate-500">{team.code}</span>
      </h1>
      <FieldsForm
        id="team"
        action={updateTeamAction}
        labels={{ submit: t("save"), pending: t("saving"), done: t("saved") }}
        fields={[
          hidden,
          { kind: "text", name: "name", label: tFields("name"), defaultValue: team.name, required: true },
          { kind: "select", name: "party", label: tFields("party"), options: options.parties, defaultValue: team.party },
          {
            kind: "select",
            name: "zone",
            label: tFields("zone"),
            options: [{ value: "", label: tFields("noZone") }, ...zones.map((zone) => ({ value: zone.code, label: zone.name }))],
            defaultValue: team.zone ?? "",
          },
        ]}
      />
      <section aria-labelledby="members" className="space-y-3">
        <h2 id="members" className="text-xl font-semibold">
          {tFields("members")}
        </h2>
        {team.members.length === 0 ? (
          <p className="text-slate-600">{t("noMembers")}</p>
        ) : (
          <ul className="space-y-1">
            {team.members.map((member) => (
              <li key={member.id} data-member={member.email} className="flex flex-wrap items-center gap-3">
                <span>
                  {member.name} <span className="text-slate-500">{member.email}</span>
                </span>
                {member.primary && <span className="rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-800">{t("primary")}</span>}
                <HiddenFieldsButton
                  action={removeMemberAction}
                  fields={{ code: team.code, email: member.email }}
                  label={t("removeMember")}
                  pendingLabel={t("removingMember")}
                  ariaLabel={t("removeMemberNamed", { name: member.name })}
                  danger
                />
              </li>
            ))}
          </ul>
        )}
        <FieldsForm
          id="member"
          action={addMemberAction}
          labels={{ submit: t("addMember"), pending: t("addingMember"), done: t("memberAdded") }}
          fields={[
            hidden,
            { kind: "email", name: "email", label: tFields("email"), required: true },
            { kind: "checkbox", name: "primary", label: tFields("primary"), defaultChecked: true },
          ]}
        />
      </section>
    </section>
  );
}
