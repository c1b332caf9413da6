import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { AuditFilters } from "@/components/admin/audit-filters";
import { DataTable } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { Pager } from "@/components/ui/pager";
import { FilterProblems } from "@/components/ui/filter-problems";
import { pageCaller } from "@/lib/auth/current-caller";
import { env } from "@/lib/env";
import { AUDIT_FILTER_KEYS, auditQuery } from "@/lib/schemas/audit";
import { encodeCursor } from "@/lib/schemas/cursor";
import { parseFilterParams } from "@/lib/schemas/filter-params";
import { readAuditEvents } from "@/lib/services/audit/read-audit";
import { requestTranslator } from "@/lib/auth/request-translator";

export const metadata: Metadata = { title: "Journal d'audit" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const json = (value: unknown) => (value === null || value === undefined ? "–" : JSON.stringify(value, null, 1));

/** The audit trail for admins: filters in the address, newest first, keyset pages, the filtered rows as CSV. */
export default async function JournalPage({ searchParams }: Props) {
  const { values, query, filters, problems } = parseFilterParams(auditQuery, AUDIT_FILTER_KEYS, await searchParams);
  const caller = await pageCaller();
  const page = await readAuditEvents(caller, query);
  if (!page) notFound();
  const t = await getTranslations("audit");
  const say = await requestTranslator();
  const nextHref = page.next ? `?${new URLSearchParams([...filters, ["cursor", encodeCursor(page.next)]])}` : null;

  return (
    <section>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-600">{t("intro", { days: env().AUDIT_RETENTION_DAYS })}</p>
        </div>
        <a className="text-sm text-brand-700 underline" href={`/admin/journal/csv?${filters}`} download>
          {t("csv")}
        </a>
      </div>
      <div className="mt-4">
        <AuditFilters values={values} action="/admin/journal" />
      </div>
      <FilterProblems problems={problems.map((problem) => say(problem.message, problem.values))} />
      {page.items.length === 0 ? (
        <p className="mt-6 text-slate-600">{t("empty")}</p>
      ) : (
        <DataTable
          columns={[
            t("columns.at"),
            t("columns.who"),
            t("columns.action"),
            t("columns.objectType"),
            t("columns.objectId"),
            t("columns.change"),
            t("columns.ip"),
            t("columns.requestId"),
          ]}
        >
          {page.items.map((row) => (
            <tr key={row.id} className="border-t border-slate-100 align-top" data-action={row.action}>
              <td className="whitespace-nowrap px-3 py-2">
                <DateTime value={row.occurredAt} style="short" />
              </td>
              <td className="px-3 py-2">{row.actorLabel ?? t("system")}</td>
              <td className="px-3 py-2">{t(`actions.${row.action}`)}</td>
              <td className="px-3 py-2">{t(`objectTypes.${row.objectType}`)}</td>
              <td className="break-all px-3 py-2 font-mono text-xs">{row.objectId ?? "–"}</td>
              <td className="px-3 py-2">
                <details>
                  <summary className="cursor-pointer text-brand-700">{t("details")}</summary>
                  <dl className="mt-1 grid gap-1 text-xs">
                    <dt className="font-medium">{t("columns.before")}</dt>
                    <dd>
                      <pre className="whitespace-pre-wrap break-all">{json(row.before)}</pre>
                    </dd>
                    <dt className="font-medium">{t("columns.after")}</dt>
                    <dd>
                      <pre className="whitespace-pre-wrap break-all">{json(row.after)}</pre>
                    </dd>
                  </dl>
                </details>
              </td>
              <td className="px-3 py-2 font-mono text-xs">{row.ip ?? "–"}</td>
              <td className="break-all px-3 py-2 font-mono text-xs">{row.requestId ?? "–"}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager nextHref={nextHref} firstHref={query.cursor ? `?${filters}` : null} nextLabel={t("next")} firstLabel={t("first")} />
    </section>
  );
}
