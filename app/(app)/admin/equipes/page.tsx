import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { fieldOptions } from "@/components/organisation/field-options";
import { OrganisationAdminPage } from "@/components/organisation/organisation-admin-page";
import { DataTable } from "@/components/ui/data-table";
import { EditLinkCell } from "@/components/ui/edit-link-cell";
import { pageCaller } from "@/lib/auth/current-caller";
import { can } from "@/lib/domain/permissions";
import { listAllZones } from "@/lib/services/organisation/list-establishments";
import { listTeams } from "@/lib/services/organisation/list-teams";
import { createTeamAction } from "./actions";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("adminTeams");

/** Admins: the teams with their members, and the form creating one. */
export default async function TeamsAdminPage() {
  const caller = await pageCaller();
  if (!can(caller, "organisation.manage")) notFound();
  const [t, tFields, options, zones, teams] = await Promise.all([
    getTranslations("schools.teams"),
    getTranslations("schools.fields"),
    fieldOptions(),
    listAllZones(),
    listTeams(caller),
  ]);
  const zoneOptions = [{ value: "", label: tFields("noZone") }, ...zones.map((zone) => ({ value: zone.code, label: zone.name }))];
  return (
    <OrganisationAdminPage
      tab="teams"
      create={{
        id: "new-team",
        action: createTeamAction,
        fields: [
          { kind: "text", name: "code", label: tFields("code"), required: true, maxLength: 40 },
          { kind: "text", name: "name", label: tFields("name"), required: true },
          { kind: "select", name: "party", label: tFields("party"), options: options.parties, defaultValue: "region" },
          { kind: "select", name: "zone", label: tFields("zone"), options: zoneOptions, defaultValue: "" },
        ],
      }}
    >
      <DataTable
        columns={[
          tFields("name"),
          tFields("party"),
          tFields("zone"),
          tFields("members"),
          <span key="a" className="sr-only">
            Actions
          </span>,
        ]}
      >
        {(teams ?? []).map((team) => (
          <tr key={team.code} data-team={team.code} className="border-t border-slate-100">
            <td className="px-3 py-2">
              {team.name} <span className="font-mono text-xs text-slate-500">{team.code}</span>
            </td>
            <td className="px-3 py-2">{options.parties.find((party) => party.value === team.party)?.label ?? team.party}</td>
            <td className="px-3 py-2">{team.zone ?? "—"}</td>
            <td className="px-3 py-2">{t("memberCount", { count: team.members.length })}</td>
            <EditLinkCell
              href={`/admin/equipes/${encodeURIComponent(team.code)}`}
              label={t("editNamed", { name: team.name })}
              text={t("edit")}
            />
          </tr>
        ))}
      </DataTable>
    </OrganisationAdminPage>
  );
}
