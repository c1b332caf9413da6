import { database } from "@/db/client";
import { campaignCatalogue } from "@/db/queries/deliveries";
import { storedText, type Translate } from "@/i18n/text";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { importCounts } from "@/lib/domain/csv-import";
import { classOfCode } from "@/lib/domain/deliveries";
import { NOTE_REQUIRED, noteColumn, planDeliveryNote, type NoteRow } from "@/lib/domain/delivery-note";
import type { CreateDeliveryInput } from "@/lib/schemas/deliveries";
import { importOutcome, readImportFile, type ImportOutcome } from "../csv/csv-import";
import { fail, succeed, type ServiceResult } from "../service-result";
import { createDelivery, DELIVERIES_FORBIDDEN, managesDeliveries } from "./create-delivery";

export type DeliveryNoteResult = ImportOutcome<NoteRow & { uai: string; changes: never[] }> & { deliveryId: string | null };

/**
 * A delivery recorded from the supplier's delivery note (CSV), with the inventory import's experience: a dry run says
 * row by row what the delivery will hold and what is refused and why (a code the campaign's catalogue does not
 * know, a serial twice…); applying records the delivery of the accepted rows (createDelivery: its checks, checkBy,
 * audit). Who: those who create deliveries.
 */
export async function importDeliveryNote(
  caller: Caller,
  bytes: Uint8Array,
  header: Omit<CreateDeliveryInput, "lines">,
  options: { dryRun: boolean; words?: Translate },
  actor: AuditActor,
  now: Date,
): Promise<ServiceResult<DeliveryNoteResult>> {
  if (!(await managesDeliveries(database(), caller))) return fail(DELIVERIES_FORBIDDEN);
  const words = options.words ?? storedText;
  const file = readImportFile(bytes, { of: noteColumn, required: NOTE_REQUIRED });
  if (!file.ok) return file;
  const catalogue = header.campaignYear === undefined ? null : await campaignCatalogue(database(), header.campaignYear);
  if (header.campaignYear !== undefined && !catalogue)
    return fail({
      kind: "invalid",
      message: "deliveries.errors.noSuchCampaign",
      values: { year: header.campaignYear },
      errors: [{ field: "campaignYear", message: "deliveries.errors.unknownCampaign" }],
    });
  const known = file.value.records.filter((record) => classOfCode(record.values.code?.trim() ?? "", catalogue) !== null);
  const unknown: NoteRow[] = file.value.records
    .filter((record) => !known.includes(record))
    .map((record) => ({
      line: record.line,
      action: "reject",
      name: record.values.serial_number?.trim() || record.values.code?.trim() || "",
      reasons: [
        record.values.code?.trim()
          ? words(catalogue ? "deliveries.errors.codeNotInCatalogue" : "deliveries.errors.codeNotAClass", {
              code: record.values.code.trim(),
            })
          : words("deliveries.note.noCode"),
      ],
    }));
  const plan = planDeliveryNote(known, words);
  const rows = [...plan.rows, ...unknown].sort((a, b) => a.line - b.line);
  let deliveryId: string | null = null;
  if (!options.dryRun) {
    if (!plan.lines.length)
      return fail({
        kind: "invalid",
        message: "deliveries.note.nothingToRecord",
        errors: [{ field: "file", message: "deliveries.note.nothingToRecord" }],
      });
    const created = await createDelivery(caller, { ...header, lines: plan.lines }, actor, now);
    if (!created.ok) return created;
    deliveryId = created.value.id;
  }
  const outcome = importOutcome(
    importCounts(rows),
    file.value,
    options.dryRun,
    rows.map((row) => ({ ...row, uai: header.establishmentUai, changes: [] as never[] })),
  );
  return succeed({ ...outcome, deliveryId });
}
