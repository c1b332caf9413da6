import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { FieldsForm, type FormField } from "@/components/organisation/fields-form";
import { OrganisationTabs } from "@/components/organisation/organisation-tabs";
import { titled } from "@/i18n/page-title";
import { pageCaller } from "@/lib/auth/current-caller";
import { can } from "@/lib/domain/permissions";
import { APPROVER_KINDS, type ApproverKind } from "@/lib/domain/vocabulary";
import { readCatalogue } from "@/lib/services/tickets/catalogue";
import { saveCategoryApprovalAction } from "./actions";

export const generateMetadata = titled("adminApprovals");

/** Admins: who approves each category's requests before routing, level by level (issue 15), and the project marker. */
export default async function ApprovalLevelsPage() {
  const caller = await pageCaller();
  if (!can(caller, "organisation.manage")) notFound();
  const [t, catalogue] = await Promise.all([getTranslations("approvals"), readCatalogue()]);
  const choices = [
    { value: "none", label: t("admin.none") },
    ...APPROVER_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) })),
  ];
  const fields = (code: string, levels: ApproverKind[], project: boolean): FormField[] => [
    { kind: "hidden", name: "code", value: code },
    { kind: "select", name: "first", label: t("admin.first"), options: choices, defaultValue: levels[0] ?? "none" },
    { kind: "select", name: "second", label: t("admin.second"), options: choices, defaultValue: levels[1] ?? "none" },
    { kind: "checkbox", name: "project", label: t("admin.project"), defaultChecked: project },
  ];
  return (
    <section className="space-y-6">
      <OrganisationTabs current="approvals" />
      <div>
        <h1 className="text-2xl font-semibold">{t("admin.title")}</h1>
        <p className="mt-2 text-slate-600">{t("admin.intro")}</p>
      </div>
      {catalogue.map((service) => (
        <section key={service.code} className="space-y-3" aria-labelledby={`approvals-${service.code}`}>
          <h2 id={`approvals-${service.code}`} className="text-lg font-semibold">
            {service.name}
          </h2>
          {service.categories.map((category) => (
            <FieldsForm
              key={category.code}
              id={`approval-${category.code}`}
              action={saveCategoryApprovalAction}
              title={`${category.name} (${category.code})`}
              labels={{ submit: t("admin.save"), pending: t("admin.saving"), done: t("admin.saved") }}
              fields={fields(category.code, category.approvalLevels, category.project)}
            />
          ))}
        </section>
      ))}
    </section>
  );
}
