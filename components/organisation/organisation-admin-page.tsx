import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { FormAction } from "@/components/ui/use-action-form";
import { FieldsForm, type FormField } from "./fields-form";
import { OrganisationTabs } from "./organisation-tabs";

type Tab = "schools" | "teams" | "vendors" | "zones";

/**
 * The layout of every organisation admin list (schools, teams, vendors, zones): the organisation
 * tabs, the title and its introduction, the form creating a record, then the records (`children`).
 * Texts come from `schools.<tab>` (title, intro, newTitle, create, creating, created).
 */
export async function OrganisationAdminPage({
  tab,
  create,
  children,
}: {
  tab: Tab;
  create: { id: string; action: FormAction; fields: FormField[] };
  children: ReactNode;
}) {
  const t = await getTranslations(`schools.${tab}`);
  return (
    <section className="space-y-6">
      <OrganisationTabs current={tab} />
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-2 text-slate-600">{t("intro")}</p>
      </div>
      <FieldsForm
        id={create.id}
        action={create.action}
        title={t("newTitle")}
        labels={{ submit: t("create"), pending: t("creating"), done: t("created") }}
        fields={create.fields}
      />
      {children}
    </section>
  );
}
