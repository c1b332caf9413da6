import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";

type Change = {
  id: number;
  ruleName: string;
  action: "created" | "updated" | "enabled" | "disabled" | "moved" | "deleted";
  changedAt: Date;
  changedBy: string | null;
};

/** The latest changes to the rules: when, who, what, on which rule. */
export async function RuleHistory({ changes }: { changes: Change[] }) {
  const t = await getTranslations("routing.history");
  if (!changes.length) return <p className="mt-2 text-slate-600">{t("empty")}</p>;
  return (
    <DataTable columns={[t("when"), t("who"), t("action"), t("rule")]}>
      {changes.map((change) => (
        <tr key={change.id} className="border-t border-slate-100">
          <td className="px-3 py-2">
            <DateTime value={change.changedAt} style="short" />
          </td>
          <td className="px-3 py-2">{change.changedBy ?? t("unknownAuthor")}</td>
          <td className="px-3 py-2">{t(`kinds.${change.action}`)}</td>
          <td className="px-3 py-2">{change.ruleName}</td>
        </tr>
      ))}
    </DataTable>
  );
}
