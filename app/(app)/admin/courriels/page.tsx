import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { OutboxStatusBadge } from "@/components/admin/outbox-status";
import { HiddenFieldsButton } from "@/components/sla-admin/hidden-fields-button";
import { DataTable } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { Pager } from "@/components/ui/pager";
import { FilterProblems } from "@/components/ui/filter-problems";
import { pageCaller } from "@/lib/auth/current-caller";
import { OUTBOX_STATUSES } from "@/lib/domain/outbox";
import { env } from "@/lib/env";
import { encodeCursor } from "@/lib/schemas/cursor";
import { parseFilterParams } from "@/lib/schemas/filter-params";
import { outboxQuery } from "@/lib/schemas/outbox";
import { readOutbox } from "@/lib/services/mail/outbox-admin";
import { resendEmailAction } from "./actions";
import { requestTranslator } from "@/lib/auth/request-translator";

export const metadata: Metadata = { title: "Courriels" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The e-mail outbox for admins: newest first, keyset pages, by state; each row opens the message as sent. */
export default async function OutboxPage({ searchParams }: Props) {
  const { query, filters, problems } = parseFilterParams(outboxQuery, ["status"], await searchParams);
  const caller = await pageCaller();
  const page = await readOutbox(caller, query);
  if (!page) notFound();
  const t = await getTranslations("outbox");
  const say = await requestTranslator();
  const nextHref = page.next ? `?${new URLSearchParams([...filters, ["cursor", encodeCursor(page.next)]])}` : null;
  const tabs = [[undefined, t("filters.all")] as const, ...OUTBOX_STATUSES.map((status) => [status, t(`status.${status}`)] as const)];

  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      {!env().SMTP_URL && (
        <p role="status" className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("noServerNotice")}
        </p>
      )}
      <nav aria-label={t("filters.label")} className="mt-4 flex flex-wrap gap-2 text-sm">
        {tabs.map(([status, label]) => (
          <Link
            key={label}
            href={status ? `?status=${status}` : "/admin/courriels"}
            aria-current={query.status === status ? "page" : undefined}
            className={`rounded-md border px-3 py-1 ${query.status === status ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 hover:bg-slate-100"}`}
          >
            {label}
          </Link>
        ))}
      </nav>
      <FilterProblems problems={problems.map((problem) => say(problem.message, problem.values))} />
      {page.items.length === 0 ? (
        <p className="mt-6 text-slate-600">{t("empty")}</p>
      ) : (
        <DataTable
          columns={[
            t("columns.createdAt"),
            t("columns.to"),
            t("columns.subject"),
            t("columns.status"),
            t("columns.attempts"),
            t("columns.sentAt"),
          ]}
        >
          {page.items.map((row) => (
            <tr key={row.id} className="border-t border-slate-100 align-top" data-status={row.status}>
              <td className="whitespace-nowrap px-3 py-2">
                <DateTime value={row.createdAt} style="short" />
              </td>
              <td className="break-all px-3 py-2">{row.toAddress}</td>
              <td className="px-3 py-2">
                <Link className="text-brand-700 underline" href={`/admin/courriels/${row.id}`}>
                  {row.subject}
                </Link>
              </td>
              <td className="px-3 py-2">
                <OutboxStatusBadge status={row.status} lastError={row.lastError} />
                {row.status === "failed" && (
                  <div className="mt-1">
                    <HiddenFieldsButton
                      action={resendEmailAction}
                      fields={{ id: row.id }}
                      label={t("resend")}
                      pendingLabel={t("resending")}
                      ariaLabel={t("resendLabel", { subject: row.subject })}
                    />
                  </div>
                )}
              </td>
              <td className="px-3 py-2 tabular-nums">{row.attempts}</td>
              <td className="whitespace-nowrap px-3 py-2">{row.sentAt ? <DateTime value={row.sentAt} style="short" /> : "–"}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager nextHref={nextHref} firstHref={query.cursor ? `?${filters}` : null} nextLabel={t("next")} firstLabel={t("first")} />
    </section>
  );
}
