import { getTranslations } from "next-intl/server";
import { DateTime, dateWriter } from "@/components/ui/date-time";
import type { FieldChange } from "@/lib/domain/ci-fields";

type Entry = { id: number; source: "form" | "api" | "import" | "bulk"; changes: FieldChange[]; createdAt: Date; author: string | null };

/** An item's history, newest first: who, when, how, and each field's old → new value. */
export async function CiHistory({ entries }: { entries: Entry[] }) {
  const [t, write] = await Promise.all([getTranslations("cmdb"), dateWriter()]);
  if (!entries.length) return <p className="text-sm text-slate-600">{t("detail.noHistory")}</p>;
  const fieldLabel = (field: string) => {
    if (field.startsWith("attributes."))
      return t.has(`attributes.${field.slice(11)}`) ? t(`attributes.${field.slice(11)}`) : field.slice(11);
    const key = field === "warrantyEndOverride" ? "warrantyEnd" : field;
    return t.has(`fields.${key}`) ? t(`fields.${key}`) : field;
  };
  const VOCABULARIES: Record<string, string> = { status: "statuses", criticality: "criticalities", funding: "fundings", class: "classes" };
  const word = (field: string, value: unknown) => {
    const vocabulary = VOCABULARIES[field];
    return vocabulary && typeof value === "string" && t.has(`${vocabulary}.${value}`) ? t(`${vocabulary}.${value}`) : value;
  };
  const show = (value: unknown) =>
    value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length) ? (
      <em className="text-slate-500">{t("detail.empty")}</em>
    ) : (
      <span>{Array.isArray(value) ? value.join(", ") : write.dayOrValue(String(value))}</span>
    );
  const created = (entry: Entry) => entry.changes.some((change) => change.field === "name" && change.from === null);
  return (
    <ol className="space-y-3 text-sm">
      {entries.map((entry) => (
        <li key={entry.id} className="border-l-2 border-slate-200 pl-3">
          <p className="text-slate-600">
            <DateTime value={entry.createdAt} style="short" /> ·{" "}
            {entry.author ? t("detail.by", { name: entry.author }) : t("detail.bySystem")} · {t(`detail.sources.${entry.source}`)}
            {created(entry) && (
              <>
                {" "}
                · <strong>{t("detail.created")}</strong>
              </>
            )}
          </p>
          <ul className="mt-1">
            {entry.changes.map((change) => (
              <li key={change.field}>
                <span className="font-medium">{fieldLabel(change.field)}</span> : {show(word(change.field, change.from))} →{" "}
                {show(word(change.field, change.to))}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
