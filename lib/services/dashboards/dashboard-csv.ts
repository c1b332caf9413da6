import { createTranslator } from "next-intl";
import { loadMessages } from "@/i18n/messages";
import { LOCALE_COOKIE } from "@/i18n/request";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { dashboardLinks, drillHref, regionalHref, schoolDashboardHref } from "@/lib/presentation/dashboard-links";
import {
  compareTable,
  establishmentTables,
  lineTableFor,
  regionalTables,
  tableRows,
  type TableSpec,
  type Translate,
} from "@/lib/presentation/dashboard-tables";
import type { DrillDownQuery } from "@/lib/schemas/dashboards";
import { database } from "@/db/client";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { writeCsv } from "@/lib/services/csv/csv";
import { fail, succeed, type ServiceResult } from "@/lib/services/service-result";
import { apiPeriod } from "./dashboard-scope";
import { readDrillDown } from "./drill-down";
import { readEstablishmentDashboard } from "./establishment-dashboard";
import { readRegionalDashboard } from "./regional-dashboard";

/** A CSV file and how many rows it carries under its header line. */
export type CsvFile = { fileName: string; text: string; rows: number };

/** The dashboards' labels in the reader's language (the locale cookie, French by default), outside a page's render. */
export async function csvTranslator(cookieHeader: string | null): Promise<{ t: Translate; locale: string }> {
  const chosen = cookieHeader
    ?.split(/;\s*/)
    .find((part) => part.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);
  const locale = chosen === "en" ? "en" : "fr";
  const translate = createTranslator({ locale, messages: await loadMessages(locale), namespace: "dashboards" });
  return { t: (key, values) => translate(key as never, values as never), locale: locale === "fr" ? "fr-FR" : "en-GB" };
}

function csvOf(table: TableSpec): Pick<CsvFile, "text" | "rows"> {
  const rows = tableRows(table);
  return { text: writeCsv(rows), rows: rows.length - 1 };
}

/** The most rows a drill-down export writes (the list's pages, followed). */
const DRILL_EXPORT_MAX = 5_000;

/**
 * A download is audited (one row, after it is built): dashboards' lists carry tickets, their titles and
 * the comments people wrote, and leave the application in a spreadsheet.
 */
async function audited(actor: AuditActor, filters: Record<string, unknown>, file: ServiceResult<CsvFile>): Promise<ServiceResult<CsvFile>> {
  if (file.ok) {
    await recordAudit(database(), actor, {
      action: "export.downloaded",
      objectType: "export",
      objectId: file.value.fileName,
      after: { filters, rows: file.value.rows },
    });
  }
  return file;
}

type DashboardCsvInput = { table: string; establishment?: string; zone?: string; a?: string; b?: string; from?: string; to?: string };

/**
 * One table of a dashboard as CSV (UTF-8 with BOM, semicolons: Excel in French), computed exactly as
 * the page shows it (lib/presentation/dashboard-tables.ts), with the same access rules; audited.
 */
export async function dashboardCsv(
  caller: Caller,
  input: DashboardCsvInput,
  t: Translate,
  locale: string,
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<CsvFile>> {
  return audited(actor, input, await buildDashboardCsv(caller, input, t, locale, now));
}

async function buildDashboardCsv(
  caller: Caller,
  input: DashboardCsvInput,
  t: Translate,
  locale: string,
  now: Date,
): Promise<ServiceResult<CsvFile>> {
  const period = apiPeriod(input.from, input.to, now);
  if (!period.ok) return period;
  const formats = { locale, now };
  if (input.table === "compare") {
    const [a, b] = await Promise.all([
      readEstablishmentDashboard(caller, input.a ?? "-", period.value, now),
      readEstablishmentDashboard(caller, input.b ?? "-", period.value, now),
    ]);
    if (!a.ok) return a;
    if (!b.ok) return b;
    const table = compareTable(a.value, b.value, t, { school: (uai) => schoolDashboardHref(uai, period.value) }, formats);
    return succeed({ fileName: `${input.a}-${input.b}-${period.value.from}-${period.value.to}.csv`, ...csvOf(table) });
  }
  if (input.establishment) {
    const dashboard = await readEstablishmentDashboard(caller, input.establishment, period.value, now);
    if (!dashboard.ok) return dashboard;
    const table = establishmentTables(
      dashboard.value,
      t,
      dashboardLinks(caller, { establishment: input.establishment }, period.value),
      formats,
    ).find((spec) => spec.id === input.table);
    if (!table) return fail({ kind: "not_found" });
    return succeed({ fileName: `${input.establishment}-${input.table}-${period.value.from}-${period.value.to}.csv`, ...csvOf(table) });
  }
  const dashboard = await readRegionalDashboard(caller, input.zone ?? null, period.value, now);
  if (!dashboard.ok) return dashboard;
  const scope = { zone: input.zone };
  const table = regionalTables(
    dashboard.value,
    t,
    {
      ...dashboardLinks(caller, scope, period.value),
      zone: (code) => regionalHref(code, period.value),
      schoolDrill: (uai, filters) => drillHref({ establishment: uai }, filters),
      zoneDrill: (code, filters) => drillHref({ zone: code }, filters),
    },
    formats,
    dashboard.value.establishments,
  ).find((spec) => spec.id === input.table);
  if (!table) return fail({ kind: "not_found" });
  return succeed({ fileName: `${input.zone ?? "region"}-${input.table}-${period.value.from}-${period.value.to}.csv`, ...csvOf(table) });
}

/** The list behind a figure as CSV: every page of it, up to {@link DRILL_EXPORT_MAX} tickets; audited. */
export async function drillDownCsv(
  caller: Caller,
  query: DrillDownQuery,
  t: Translate,
  locale: string,
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<CsvFile>> {
  const { cursor: _cursor, limit: _limit, ...filters } = query;
  return audited(actor, { table: "tickets", ...filters }, await buildDrillDownCsv(caller, query, t, locale, now));
}

async function buildDrillDownCsv(
  caller: Caller,
  query: DrillDownQuery,
  t: Translate,
  locale: string,
  now: Date,
): Promise<ServiceResult<CsvFile>> {
  const lines = [];
  let after = query.cursor;
  let scopeKey = "";
  do {
    const page = await readDrillDown(caller, { ...query, cursor: after, limit: 100 });
    if (!page.ok) return page;
    scopeKey =
      page.value.scope.kind === "establishment"
        ? page.value.scope.uai
        : page.value.scope.kind === "zone"
          ? page.value.scope.code
          : "region";
    lines.push(...page.value.items);
    after = page.value.next ?? undefined;
  } while (after && lines.length < DRILL_EXPORT_MAX);
  const links = dashboardLinks(caller, {}, { kind: "90d", from: "", to: "" });
  const table = lineTableFor(
    "tickets",
    t("tables.tickets"),
    lines.slice(0, DRILL_EXPORT_MAX),
    t,
    { ...links, school: (uai) => schoolDashboardHref(uai) },
    { locale, now },
    true,
  );
  return succeed({ fileName: `${scopeKey}-tickets.csv`, ...csvOf(table) });
}
