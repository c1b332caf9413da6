import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { FieldsForm, type FormField } from "@/components/organisation/fields-form";
import { Day } from "@/components/ui/date-time";
import { pageCaller } from "@/lib/auth/current-caller";
import { CRITICAL_PERIOD_KINDS } from "@/lib/domain/critical-periods";
import { PRIORITIES } from "@/lib/domain/vocabulary";
import { listCriticalPeriods } from "@/lib/services/critical-periods/list-critical-periods";
import { titled } from "@/i18n/page-title";
import { createCriticalPeriodAction } from "./actions";

export const generateMetadata = titled("criticalPeriods");

/** The Région (admins, the service lead) declares exam periods; the others are told the page does not exist. */
export default async function CriticalPeriodsPage() {
  const periods = await listCriticalPeriods(await pageCaller());
  if (!periods.ok) notFound();
  const t = await getTranslations("criticalPeriods");
  const fields: FormField[] = [
    { kind: "text", name: "name", label: t("form.name"), required: true, maxLength: 120 },
    {
      kind: "select",
      name: "kind",
      label: t("form.kind"),
      defaultValue: "baccalaureat",
      options: CRITICAL_PERIOD_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) })),
    },
    {
      kind: "select",
      name: "priorityFloor",
      label: t("form.priorityFloor"),
      defaultValue: "P2",
      options: PRIORITIES.map((priority) => ({ value: priority, label: priority })),
    },
    { kind: "date", name: "startsOn", label: t("form.startsOn"), required: true },
    { kind: "date", name: "endsOn", label: t("form.endsOn"), required: true },
    { kind: "textarea", name: "establishments", label: `${t("form.establishments")} (${t("form.establishmentsHint")})` },
  ];
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-2 text-slate-600">{t("intro")}</p>
      </div>
      <FieldsForm
        id="new-critical-period"
        action={createCriticalPeriodAction}
        title={t("form.title")}
        fields={fields}
        labels={{ submit: t("form.submit"), pending: t("form.submit"), done: t("form.created") }}
      />
      {periods.value.length === 0 ? (
        <p className="text-slate-600">{t("none")}</p>
      ) : (
        <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={t("title")}>
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-2 pr-4">
                  {t("columns.name")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("columns.kind")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("columns.dates")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("columns.floor")}
                </th>
                <th scope="col" className="py-2">
                  {t("columns.schools")}
                </th>
              </tr>
            </thead>
            <tbody>
              {periods.value.map((period) => (
                <tr key={period.id} className="border-b border-slate-100 align-top">
                  <td className="py-2 pr-4 font-medium">{period.name}</td>
                  <td className="py-2 pr-4">{t(`kinds.${period.kind}`)}</td>
                  <td className="py-2 pr-4">
                    <Day value={period.startsOn} /> – <Day value={period.endsOn} />
                  </td>
                  <td className="py-2 pr-4">{period.priorityFloor}</td>
                  <td className="py-2">{period.allEstablishments ? t("allSchools") : period.establishments.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
