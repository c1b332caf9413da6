import Link from "next/link";
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
export async function OrganisationAdminPage({ tab, create, children }: {
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
      <FieldsForm id={create.id} action={create.action} title={t("newTitle")} labels={{ submit: t("create"), pending: t("creating"), done: t("created") }}
        fields={create.fields} />
      {children}
    </section>
  );
}

/** The last cell of a list's row: the link to the record's own page, named for screen readers. */
export function EditLinkCell({ href, label, text }: { href: string; label: string; text: string }) {
  return (
    <td className="px-3 py-2">
      <Link href={href} aria-label={label} className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100">{text}</Link>
    </td>
  );
}
