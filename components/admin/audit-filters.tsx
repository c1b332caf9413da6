import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FILTER_FIELD, FilterChoice } from "@/components/ui/filter-choice";
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from "@/lib/domain/audit";

type Props = { values: Partial<Record<"who" | "action" | "objectType" | "objectId" | "from" | "to", string>>; action: string };

/** The journal's filters as a plain GET form: the address says what is shown, so the CSV and the next page follow it. */
export async function AuditFilters({ values, action }: Props) {
  const t = await getTranslations("audit");
  const text = (name: "who" | "objectId" | "from" | "to", type = "text") => (
    <label>
      <span className="block">{t(`filters.${name}`)}</span>
      <input name={name} type={type} defaultValue={values[name]} className={FILTER_FIELD} />
    </label>
  );
  return (
    <form
      role="search"
      aria-label={t("filters.label")}
      action={action}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm sm:grid-cols-2 lg:grid-cols-3"
    >
      {text("who", "search")}
      <FilterChoice
        name="action"
        label={t("filters.action")}
        value={values.action}
        all={t("filters.anyAction")}
        options={AUDIT_ACTIONS.map((code) => [code, t(`actions.${code}`)])}
      />
      <FilterChoice
        name="objectType"
        label={t("filters.objectType")}
        value={values.objectType}
        all={t("filters.anyObjectType")}
        options={AUDIT_OBJECT_TYPES.map((code) => [code, t(`objectTypes.${code}`)])}
      />
      {text("objectId")}
      {text("from", "date")}
      {text("to", "date")}
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-3">
        <button className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">{t("filters.apply")}</button>
        <Link className="text-brand-700 underline" href={action}>
          {t("filters.reset")}
        </Link>
      </div>
    </form>
  );
}
