import { database } from "@/db/client";
import type { Translate } from "@/i18n/text";
import type { AuditActor } from "@/lib/domain/audit";
import { parisDay } from "@/lib/domain/business-calendar";
import type { Caller } from "@/lib/domain/caller";
import { delegationCsvRows, filteringCsvRows } from "@/lib/presentation/register-csv";
import { recordAudit } from "../audit/record-audit";
import { writeCsv } from "../csv/csv";
import { fail, succeed, type ServiceResult } from "../service-result";
import { readAllRegisters } from "./read-registers";

export const REGISTER_CSV_KINDS = ["filtering", "delegations"] as const;
export type RegisterCsvKind = (typeof REGISTER_CSV_KINDS)[number];

/**
 * One register of every school in the caller's scope (the security team and the Région), with the page's filters,
 * as CSV (formula-like texts neutralised by writeCsv); the download is audited, as the dashboards' are.
 */
export async function registersCsv(
  caller: Caller,
  kind: RegisterCsvKind,
  filters: { uai?: string; inForce: boolean },
  t: Translate,
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<{ fileName: string; text: string }>> {
  const registers = await readAllRegisters(caller, filters, now);
  if (!registers) return fail({ kind: "forbidden", message: "registers.errors.forbidden" });
  const rows = kind === "filtering" ? filteringCsvRows(registers.filtering, t) : delegationCsvRows(registers.delegations, t);
  const fileName = `registres-${kind}-${filters.uai ?? "region"}-${parisDay(now)}.csv`;
  await recordAudit(database(), actor, {
    action: "export.downloaded",
    objectType: "export",
    objectId: fileName,
    after: { filters: { register: kind, ...filters }, rows: rows.length - 1 },
  });
  return succeed({ fileName, text: writeCsv(rows) });
}
