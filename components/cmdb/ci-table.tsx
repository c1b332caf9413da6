import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import type { CiClass, CiStatus } from "@/lib/domain/vocabulary";
import { CiSelectAll } from "./ci-select-all";
import { CiStatusBadge } from "./ci-status-badge";
import { Day } from "@/components/ui/date-time";

export type CiRow = {
  id: string;
  name: string;
  class: CiClass;
  status: CiStatus;
  room: string | null;
  building: string | null;
  brand: string | null;
  model: string | null;
  serialNumber: string | null;
  establishment: { uai: string; name: string };
  warranty: { end: string | null; active: boolean | null };
  renewal: { candidate: boolean; reason: "obsolete" | "aged" | null };
};

/** One page of the inventory; with `selectable`, a checkbox per item for the bulk bar around it. */
export async function CiTable({ items, selectable }: { items: CiRow[]; selectable: boolean }) {
  const t = await getTranslations("cmdb");
  const column = (key: string) => t(`columns.${key}`);
  return (
    <DataTable
      columns={[
        ...(selectable ? [<CiSelectAll key="all" label={column("selectAll")} />] : []),
        column("name"),
        column("class"),
        column("establishment"),
        column("room"),
        column("model"),
        column("serial"),
        column("status"),
        column("warranty"),
        column("renewal"),
      ]}
    >
      {items.map((ci) => (
        <tr key={ci.id} className="border-t border-slate-100">
          {selectable && (
            <td className="px-3 py-2">
              <input type="checkbox" name="ids" value={ci.id} aria-label={t("columns.select", { name: ci.name })} />
            </td>
          )}
          <td className="px-3 py-2 font-medium">
            <Link className="text-brand-700 underline" href={`/inventaire/equipements/${ci.id}`}>
              {ci.name}
            </Link>
          </td>
          <td className="px-3 py-2">{t(`classes.${ci.class}`)}</td>
          <td className="px-3 py-2">
            {ci.establishment.name} <span className="text-slate-500">({ci.establishment.uai})</span>
          </td>
          <td className="px-3 py-2">{[ci.building, ci.room].filter(Boolean).join(" · ")}</td>
          <td className="px-3 py-2">{[ci.brand, ci.model].filter(Boolean).join(" ")}</td>
          <td className="px-3 py-2 font-mono text-xs">{ci.serialNumber}</td>
          <td className="px-3 py-2">
            <CiStatusBadge status={ci.status} />
          </td>
          <td className={`whitespace-nowrap px-3 py-2 ${ci.warranty.active === false ? "text-slate-500" : ""}`}>
            <Day value={ci.warranty.end} />
          </td>
          <td className="px-3 py-2">
            {ci.renewal.reason ? (
              <span className="font-medium text-orange-800">{t(`renewal.${ci.renewal.reason}`)}</span>
            ) : (
              t("renewal.none")
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
