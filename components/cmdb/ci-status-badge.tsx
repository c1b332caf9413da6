import { getTranslations } from "next-intl/server";
import type { CiStatus } from "@/lib/domain/vocabulary";

const TONE: Record<CiStatus, string> = {
  stock: "bg-sky-50 text-sky-800 ring-sky-200",
  production: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  repair: "bg-amber-50 text-amber-900 ring-amber-300",
  obsolete: "bg-orange-50 text-orange-800 ring-orange-200",
  disposed: "bg-slate-100 text-slate-500 ring-slate-200",
};

/** An item's status as a coloured pill with its French label. */
export async function CiStatusBadge({ status }: { status: CiStatus }) {
  const t = await getTranslations("cmdb.statuses");
  return (
    <span className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${TONE[status]}`}>
      {t(status)}
    </span>
  );
}
