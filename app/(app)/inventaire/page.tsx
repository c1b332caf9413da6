import { ReplicaLag } from "@/components/dashboard/replica-lag";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CiBulkForm } from "@/components/cmdb/ci-bulk-form";
import { CiFilters } from "@/components/cmdb/ci-filters";
import { CiTable } from "@/components/cmdb/ci-table";
import { Pager } from "@/components/ui/pager";
import { FilterProblems } from "@/components/ui/filter-problems";
import { pageCaller } from "@/lib/auth/current-caller";
import { encodeCursor } from "@/lib/schemas/cursor";
import { listVisibleCis } from "@/lib/services/cmdb/list-cis";
import { inventoryContext } from "@/lib/services/cmdb/page-context";
import { setStatusOfSelection } from "./actions";
import { parseListParams } from "./list-params";
import { titled } from "@/i18n/page-title";
import { requestTranslator } from "@/lib/auth/request-translator";

export const generateMetadata = titled("inventory");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The inventory across the schools the caller sees: filters in the address, keyset pages, CSV export, bulk status for those who keep it. */
export default async function InventoryPage({ searchParams }: Props) {
  const { values, query, filters, problems } = parseListParams(await searchParams);
  const caller = await pageCaller();
  const context = await inventoryContext(caller);
  if (!context) notFound();
  const [t, page] = await Promise.all([getTranslations("cmdb"), listVisibleCis(caller, query, new Date())]);
  const say = await requestTranslator();
  const nextHref = page.next ? `?${new URLSearchParams([...filters, ["cursor", encodeCursor(page.next)]])}` : null;
  const school = query.establishment ?? (context.schools?.length === 1 ? context.schools[0]!.uai : undefined);
  const table = page.items.length ? (
    <CiTable items={page.items} selectable={context.keeps} />
  ) : (
    <p className="mt-6 text-slate-600">{t("empty")}</p>
  );

  return (
    <section>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-600">{t("intro")}</p>
        </div>
        <nav className="flex flex-wrap gap-3 text-sm">
          {school && (
            <Link className="text-brand-700 underline" href={`/inventaire/etablissements/${school}`}>
              {t("schoolView")}
            </Link>
          )}
          {/* The export reads the replica when there is one (lib/services/cmdb/export-cis.ts): its lag is said beside it. */}
          <span>
            <a className="text-brand-700 underline" href={`/api/v1/cis/export?${filters}`} download>
              {t("export")}
            </a>
            <ReplicaLag />
          </span>
          {context.keeps && (
            <Link className="text-brand-700 underline" href="/inventaire/import">
              {t("importLink")}
            </Link>
          )}
          {context.keeps && (
            <Link className="text-brand-700 underline" href={`/inventaire/nouveau${school ? `?etablissement=${school}` : ""}`}>
              {t("create")}
            </Link>
          )}
        </nav>
      </div>
      <div className="mt-4">
        <CiFilters values={values} schools={context.schools} zones={context.zones} action="/inventaire" />
      </div>
      <FilterProblems problems={problems.map((problem) => say(problem.message, problem.values))} />
      {context.keeps && page.items.length ? <CiBulkForm action={setStatusOfSelection}>{table}</CiBulkForm> : table}
      <Pager nextHref={nextHref} firstHref={query.cursor ? `?${filters}` : null} nextLabel={t("next")} firstLabel={t("first")} />
    </section>
  );
}
