import { database } from "@/db/client";
import { establishmentByUai } from "@/db/queries/establishments";
import type { Translate } from "@/i18n/text";
import type { AuditActor } from "@/lib/domain/audit";
import { parisDay } from "@/lib/domain/business-calendar";
import type { Caller } from "@/lib/domain/caller";
import { recordAudit } from "../audit/record-audit";
import { writeCsv } from "../csv/csv";
import { fail, succeed, type ServiceResult } from "../service-result";
import { readRecyclingList } from "./read-deliveries";

/** A school's recycling list and the school, for its page; null when the school is unknown or not the caller's to see. */
export async function recyclingPage(caller: Caller, uai: string) {
  const school = await establishmentByUai(database(), uai);
  if (!school) return null;
  const items = await readRecyclingList(caller, school);
  return items ? { school, items } : null;
}

/** The recycling list as CSV (formula-like texts neutralised by writeCsv); the download is audited. */
export async function recyclingCsv(
  caller: Caller,
  uai: string,
  t: Translate,
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<{ fileName: string; text: string }>> {
  const found = await recyclingPage(caller, uai);
  if (!found) return fail({ kind: "not_found" });
  const header = ["name", "class", "room", "brand", "model", "serial", "asset", "status", "replacedOn", "supplier"].map((key) =>
    t(`deliveries.recycling.columns.${key}`),
  );
  const rows = found.items.map((item) => [
    item.name,
    t(`cmdb.classes.${item.class}`),
    item.room,
    item.brand,
    item.model,
    item.serialNumber,
    item.assetNumber,
    t(`cmdb.statuses.${item.status}`),
    parisDay(item.replacedAt),
    item.supplier,
  ]);
  const fileName = `recyclage-${found.school.uai}-${parisDay(now)}.csv`;
  await recordAudit(database(), actor, {
    action: "export.downloaded",
    objectType: "export",
    objectId: fileName,
    after: { uai: found.school.uai, rows: rows.length },
  });
  return succeed({ fileName, text: writeCsv([header, ...rows]) });
}
