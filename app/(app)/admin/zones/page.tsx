import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { FieldsForm, type FormField } from "@/components/organisation/fields-form";
import { OrganisationAdminPage } from "@/components/organisation/organisation-admin-page";
import { pageCaller } from "@/lib/auth/current-caller";
import { zonesForAdmin } from "@/lib/services/organisation/admin-lists";
import { saveZoneAction } from "./actions";

export const metadata: Metadata = { title: "Zones — administration" };

/** Admins: each zone's name and départements (its code is its key), and a new zone. */
export default async function ZonesAdminPage() {
  const zones = await zonesForAdmin(await pageCaller());
  if (!zones) notFound();
  const [t, tFields] = await Promise.all([getTranslations("schools.zones"), getTranslations("schools.fields")]);
  const fields = (zone?: { code: string; name: string; departements: string[] }): FormField[] => [
    zone
      ? { kind: "hidden", name: "code", value: zone.code }
      : { kind: "text", name: "code", label: tFields("code"), required: true, maxLength: 20 },
    { kind: "text", name: "name", label: tFields("name"), defaultValue: zone?.name, required: true },
    { kind: "text", name: "departements", label: tFields("departements"), defaultValue: zone?.departements.join(", ") },
  ];
  return (
    <OrganisationAdminPage tab="zones" create={{ id: "new-zone", action: saveZoneAction, fields: fields() }}>
      {zones.map((zone) => (
        <FieldsForm
          key={zone.code}
          id={`zone-${zone.code}`}
          action={saveZoneAction}
          title={`${zone.name} (${zone.code})`}
          labels={{ submit: t("save"), pending: t("saving"), done: t("saved") }}
          fields={fields(zone)}
        />
      ))}
    </OrganisationAdminPage>
  );
}
