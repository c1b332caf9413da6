import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { fieldOptions } from "@/components/organisation/field-options";
import { OrganisationAdminPage } from "@/components/organisation/organisation-admin-page";
import { DataTable } from "@/components/ui/data-table";
import { EditLinkCell } from "@/components/ui/edit-link-cell";
import { Pager } from "@/components/ui/pager";
import { SearchBox } from "@/components/ui/search-box";
import { pageCaller } from "@/lib/auth/current-caller";
import { can } from "@/lib/domain/permissions";
import { encodeCursor } from "@/lib/schemas/cursor";
import { listTeamsQuery } from "@/lib/schemas/organisation";
import { listAllZones } from "@/lib/services/organisation/list-establishments";
import { listTeams } from "@/lib/services/organisation/list-teams";
import { createTeamAction } from "./actions";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("adminTeams");

type Props = { searchParams: Promise<Record<string, string | undefined>> };

/** Admins: the teams by code, a page at a time, found by a part of their code or name; the form creating one. */
export default async function TeamsAdminPage({ searchParams }: Props) {
  const parsed = listTeamsQuery.safeParse(await searchParams);
  // A tampered query string falls back to the first, unfiltered page.
  const query = parsed.success ? parsed.data : listTeamsQuery.parse({});
  const caller = await pageCaller();
  if (!can(caller, "organisation.manage")) notFound();
  const [t, tFields, tList, options, zones, page] = await Promise.all([
    getTranslations("schools.teams"),
    getTranslations("schools.fields"),
    getTranslations("establishments"),
    fieldOptions(),
    listAllZones(),
    listTeams(caller, { q: query.q, after: query.cursor, limit: query.limit }),
  ]);
  const teams = page?.items ?? [];
  const filters = new URLSearchParams(query.q ? [["q", query.q]] : []);
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
      <SearchBox id="teams-q" label={t("search")} placeholder={t("searchPlaceholder")} button={t("searchButton")} query={query.q ?? ""} />
      {teams.length === 0 ? (
        <p className="text-slate-600">{t("empty")}</p>
      ) : (
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
          {teams.map((team) => (
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
      )}
      <Pager
        nextHref={page?.next ? `?${new URLSearchParams([...filters, ["cursor", encodeCursor(page.next)]])}` : null}
        firstHref={query.cursor ? `?${filters}` : null}
        nextLabel={tList("next")}
        firstLabel={tList("first")}
      />
    </OrganisationAdminPage>
  );
}
