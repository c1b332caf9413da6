import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { FieldsForm, type FormField } from "@/components/organisation/fields-form";
import { OrganisationAdminPage } from "@/components/organisation/organisation-admin-page";
import { pageCaller } from "@/lib/auth/current-caller";
import { vendorsForAdmin } from "@/lib/services/organisation/admin-lists";
import { saveVendorAction } from "./actions";

export const metadata: Metadata = { title: "Prestataires — administration" };

/** Admins: each vendor's name, contract reference and contact address, and a new vendor. */
export default async function VendorsAdminPage() {
  const vendors = await vendorsForAdmin(await pageCaller());
  if (!vendors) notFound();
  const [t, tFields] = await Promise.all([getTranslations("schools.vendors"), getTranslations("schools.fields")]);
  const fields = (vendor?: { id: string; name: string; contractReference: string | null; contactEmail: string | null }): FormField[] => [
    { kind: "hidden", name: "id", value: vendor?.id ?? "" },
    { kind: "text", name: "name", label: tFields("name"), defaultValue: vendor?.name, required: true },
    {
      kind: "text",
      name: "contractReference",
      label: tFields("contractReference"),
      defaultValue: vendor?.contractReference,
      maxLength: 100,
    },
    { kind: "email", name: "contactEmail", label: tFields("contactEmail"), defaultValue: vendor?.contactEmail },
  ];
  return (
    <OrganisationAdminPage tab="vendors" create={{ id: "new-vendor", action: saveVendorAction, fields: fields() }}>
      {vendors.map((vendor) => (
        <FieldsForm
          key={vendor.id}
          id={`vendor-${vendor.id}`}
          action={saveVendorAction}
          title={vendor.name}
          labels={{ submit: t("save"), pending: t("saving"), done: t("saved") }}
          fields={fields(vendor)}
        />
      ))}
    </OrganisationAdminPage>
  );
}
