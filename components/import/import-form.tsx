"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useMemo, useRef, startTransition, type FormEvent, type ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { FormError } from "@/lib/schemas/form-state";

/** A row as the form shows it: what it names (an item, an e-mail) and, once written, where to open it. */
export type ImportFormRow = {
  line: number;
  action: "create" | "update" | "unchanged" | "reject";
  uai: string;
  name: string;
  href: string | null;
  changes: Array<{ field: string }>;
  reasons: string[];
};
type Result = {
  dryRun: boolean;
  encoding: string;
  delimiter: string;
  ignoredColumns: string[];
  created: number;
  updated: number;
  unchanged: number;
  rejected: Array<{ line: number }>;
  rows: ImportFormRow[];
  errorReport: string | null;
};
/** What the form shows once the file was read: a server action gives it as formAction's `done`. */
export type ImportDone = { status: "ok"; result: Result };
export type ImportFormState = { status: "idle" } | FormError | ImportDone;
type Action = (state: ImportFormState, form: FormData) => Promise<ImportFormState>;

const TONE: Record<ImportFormRow["action"], string> = {
  create: "text-emerald-800",
  update: "text-sky-800",
  unchanged: "text-slate-500",
  reject: "text-red-800 font-medium",
};

/**
 * Choose a file, check it (dry run: nothing written), then import the accepted rows. The file stays
 * chosen between the two steps; the rejected rows can be downloaded with their reasons, to fix and retry.
 * Every CSV import (inventory, accounts) uses it, with its own texts.
 */
export function ImportForm({
  action,
  messages,
  children,
}: {
  action: Action;
  messages: "cmdb.import" | "sso.import" | "deliveries.import";
  /** Fields the import needs besides the file (a delivery's school, supplier and day). */
  children?: ReactNode;
}) {
  const t = useTranslations(messages);
  const [state, dispatch, pending] = useActionState(action, { status: "idle" } as ImportFormState);
  const ref = useRef<HTMLFormElement>(null);
  const report = useMemo(
    () =>
      state.status === "ok" && state.result.errorReport
        ? URL.createObjectURL(new Blob([state.result.errorReport], { type: "text/csv;charset=utf-8" }))
        : null,
    [state],
  );
  useEffect(
    () => () => {
      if (report) URL.revokeObjectURL(report);
    },
    [report],
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(form));
  }

  const result = state.status === "ok" ? state.result : null;
  return (
    <div className="space-y-4">
      <form ref={ref} onSubmit={onSubmit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
        {children}
        <label className="block text-sm">
          <span className="block font-medium">{t("file")}</span>
          <input type="file" name="file" accept=".csv,text/csv" className="mt-1" required />
        </label>
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            name="mode"
            value="dry-run"
            disabled={pending}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100 disabled:opacity-60"
          >
            {t("dryRun")}
          </button>
          {result?.dryRun && result.created + result.updated > 0 && (
            <button
              type="submit"
              name="mode"
              value="apply"
              disabled={pending}
              className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
            >
              {t("apply")}
            </button>
          )}
        </div>
        {state.status === "error" && <ErrorSummary state={state} />}
      </form>
      {result && (
        <section aria-label={result.dryRun ? t("dryRunDone") : t("applied")} className="space-y-2">
          <p role="status" className="font-medium">
            {result.dryRun ? t("dryRunDone") : t("applied")}
          </p>
          <p>
            {t(result.dryRun ? "summary" : "summaryApplied", {
              created: result.created,
              updated: result.updated,
              unchanged: result.unchanged,
              rejected: result.rejected.length,
            })}
          </p>
          <p className="text-sm text-slate-600">
            {t("format", {
              encoding: result.encoding === "utf-8" ? "UTF-8" : "Windows-1252",
              delimiter: result.delimiter === "\t" ? "tab" : result.delimiter,
            })}
          </p>
          {result.ignoredColumns.length > 0 && (
            <p className="text-sm text-slate-600">{t("ignored", { columns: result.ignoredColumns.join(", ") })}</p>
          )}
          {report && (
            <a className="text-brand-700 underline" href={report} download="rapport-import-erreurs.csv">
              {t("errorReport")}
            </a>
          )}
          <DataTable columns={[t("line"), t("name"), t("uai"), t("action"), t("details")]}>
            {result.rows.map((row) => (
              <tr key={row.line} className="border-t border-slate-100" data-action={row.action}>
                <td className="px-3 py-1.5 tabular-nums">{row.line}</td>
                <td className="px-3 py-1.5">
                  {row.href ? (
                    <a className="text-brand-700 underline" href={row.href}>
                      {row.name}
                    </a>
                  ) : (
                    row.name
                  )}
                </td>
                <td className="px-3 py-1.5 font-mono">{row.uai}</td>
                <td className={`px-3 py-1.5 ${TONE[row.action]}`}>{t(`actions.${row.action}`)}</td>
                <td className="px-3 py-1.5 text-sm">
                  {row.action === "reject" ? row.reasons.join(" ") : row.changes.map((change) => change.field).join(", ")}
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
      )}
    </div>
  );
}
