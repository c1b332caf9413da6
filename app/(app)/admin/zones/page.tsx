import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { FieldsForm, type FormField } from "@/components/organisation/fields-form";
import { OrganisationTabs } from "@/components/organisation/organisation-tabs";
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
    zone ? { kind: "hidden", name: "code", value: zone.code } : { kind: "text", name: "code", label: tFields("code"), required: true, maxLength: 20 },
    { kind: "text", name: "name", label: tFields("name"), defaultValue: zone?.name, required: true },
    { kind: "text", name: "departements", label: tFields("departements"), defaultValue: zone?.departements.join(", ") },
  ];
  return (
    <section className="space-y-6">
      <OrganisationTabs current="zones" />
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-2 text-slate-600">{t("intro")}</p>
      </div>
      <FieldsForm id="new-zone" action={saveZoneAction} title={t("newTitle")} labels={{ submit: t("create"), pending: t("creating"), done: t("created") }} fields={fields()} />
      {zones.map((zone) => (
        <FieldsForm key={zone.code} id={`zone-${zone.code}`} action={saveZoneAction} title={`${zone.name} (${zone.code})`}
          labels={{ submit: t("save"), pending: t("saving"), done: t("saved") }} fields={fields(zone)} />
      ))}
    </section>
  );
}
