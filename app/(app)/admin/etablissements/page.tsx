import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { SupportModeBadge } from "@/components/establishments/support-mode-badge";
import { fieldOptions } from "@/components/organisation/field-options";
import { OrganisationAdminPage } from "@/components/organisation/organisation-admin-page";
import { DataTable } from "@/components/ui/data-table";
import { EditLinkCell } from "@/components/ui/edit-link-cell";
import { Pager } from "@/components/ui/pager";
import { pageCaller } from "@/lib/auth/current-caller";
import { can } from "@/lib/domain/permissions";
import { encodeCursor } from "@/lib/schemas/cursor";
import { listEstablishmentsQuery } from "@/lib/schemas/establishments";
import { listAllZones, listVisibleEstablishments } from "@/lib/services/organisation/list-establishments";
import { createEstablishmentAction } from "./actions";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("adminSchools");

type Props = { searchParams: Promise<Record<string, string | undefined>> };

/** Admins: every school, a link to edit each, and the form creating one. */
export default async function SchoolsAdminPage({ searchParams }: Props) {
  const parsed = listEstablishmentsQuery.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : listEstablishmentsQuery.parse({});
  const caller = await pageCaller();
  if (!can(caller, "organisation.manage")) notFound();
  const [t, tFields, tList, options, zones, page] = await Promise.all([
    getTranslations("schools.schools"),
    getTranslations("schools.fields"),
    getTranslations("establishments"),
    fieldOptions(),
    listAllZones(),
    listVisibleEstablishments(caller, { after: query.cursor, limit: query.limit }),
  ]);
  return (
    <OrganisationAdminPage
      tab="schools"
      create={{
        id: "new-school",
        action: createEstablishmentAction,
        fields: [
          { kind: "text", name: "uai", label: tFields("uai"), required: true, maxLength: 8 },
          { kind: "text", name: "name", label: tFields("name"), required: true },
          { kind: "text", name: "type", label: tFields("type"), required: true, maxLength: 50 },
          { kind: "text", name: "city", label: tFields("city"), required: true },
          { kind: "text", name: "departement", label: tFields("departement"), required: true, maxLength: 3 },
          { kind: "select", name: "zone", label: tFields("zone"), options: zones.map((zone) => ({ value: zone.code, label: zone.name })) },
          { kind: "select", name: "supportMode", label: tFields("supportMode"), options: options.supportModes, defaultValue: "normal" },
          {
            kind: "select",
            name: "onboardingState",
            label: tFields("onboardingState"),
            options: options.onboardingStates,
            defaultValue: "a_integrer",
          },
        ],
      }}
    >
      {page.items.length === 0 ? (
        <p className="text-slate-600">{t("empty")}</p>
      ) : (
        <DataTable
          columns={[
            tFields("name"),
            tFields("uai"),
            tFields("city"),
            tFields("zone"),
            tFields("supportMode"),
            <span key="a" className="sr-only">
              Actions
            </span>,
          ]}
        >
          {page.items.map((school) => (
            <tr key={school.id} data-uai={school.uai} className="border-t border-slate-100">
              <td className="px-3 py-2">
                {school.name} <span className="text-slate-500">({school.type})</span>
              </td>
              <td className="px-3 py-2 font-mono">{school.uai}</td>
              <td className="px-3 py-2">{school.city}</td>
              <td className="px-3 py-2">{school.zone.name}</td>
              <td className="px-3 py-2">
                <SupportModeBadge mode={school.supportMode} />
              </td>
              <EditLinkCell href={`/admin/etablissements/${school.uai}`} label={t("editNamed", { name: school.name })} text={t("edit")} />
            </tr>
          ))}
        </DataTable>
      )}
      <Pager
        nextHref={page.next ? `?cursor=${encodeCursor(page.next)}` : null}
        firstHref={query.cursor ? "?" : null}
        nextLabel={tList("next")}
        firstLabel={tList("first")}
      />
    </OrganisationAdminPage>
  );
}
