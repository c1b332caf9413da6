import { storedText } from "@/i18n/text";
import { eq, sql } from "drizzle-orm";
import { database, type Executor } from "@/db/client";
import { configurationItems } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import { canWriteCisOf, keepsInventory } from "@/lib/domain/ci-access";
import { foldLabel } from "@/lib/domain/ci-classes";
import type { CiFields } from "@/lib/domain/ci-fields";
import { importColumn, planImport, REQUIRED_COLUMNS, type ImportContext, type ImportPlan, type ImportRecord } from "@/lib/domain/ci-import";
import { importOutcome, readImportFile, type ImportFile, type ImportOptions, type ImportOutcome } from "../csv/csv-import";
import { normalizeUai } from "@/lib/domain/uai";
import { fail, succeed, type ServiceResult } from "../service-result";
import { inCmdbTransaction, readableChanges, recordHistory } from "./ci-transaction";
import { vendorIdsAndNames } from "@/db/queries/vendors";
import { schoolsByUai } from "@/db/queries/establishments";
import { cisOfSchools, serialsElsewhere } from "@/db/queries/school-cis";

export type ImportResult = ImportOutcome<{
  line: number;
  action: ImportPlan["rows"][number]["action"];
  uai: string;
  name: string;
  ciId: string | null;
  changes: Array<{ field: string; from: unknown; to: unknown }>;
  reasons: string[];
}>;

const forbidden = () => fail<never>({ kind: "forbidden", message: "cmdb.errors.importForbidden" });

/**
 * Imports an inventory export. A dry run says row by row what would be created, updated, left unchanged
 * or rejected and why; applying writes every accepted row in one transaction (rejected ones never) with
 * each item's history, and a second run of the same file finds nothing to change.
 */
export async function importCis(
  caller: Caller,
  bytes: Uint8Array,
  options: ImportOptions,
  now: Date,
): Promise<ServiceResult<ImportResult>> {
  if (!keepsInventory(caller)) return forbidden();
  const file = readImportFile(bytes, { of: importColumn, required: REQUIRED_COLUMNS });
  if (!file.ok) return file;
  const { records } = file.value;

  if (options.dryRun) {
    const plan = planImport(records, await importContext(database(), caller, records), options.words ?? storedText);
    return succeed(result(plan, file.value, true));
  }
  const applied = await inCmdbTransaction(async (tx) => {
    // One import at a time: two concurrent files cannot both create the same machine.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('guichet:cmdb-import'))`);
    const plan = planImport(records, await importContext(tx, caller, records), options.words ?? storedText);
    await applyPlan(tx, caller, plan, now);
    return plan;
  });
  return applied.ok ? succeed(result(applied.value, file.value, false)) : applied;
}

function result(plan: ImportPlan, file: ImportFile, dryRun: boolean): ImportResult {
  return importOutcome(
    plan,
    file,
    dryRun,
    plan.rows.map((row) => ({
      line: row.line,
      action: row.action,
      uai: row.uai,
      name: row.name,
      ciId: row.ciId ?? null,
      changes: row.changes ?? [],
      reasons: row.reasons,
    })),
  );
}

/** What the planner needs from the database: the schools the file names, their items, serial numbers held elsewhere, vendors. */
async function importContext(db: Executor, caller: Caller, records: ImportRecord[]): Promise<ImportContext> {
  const uais = [...new Set(records.map((record) => normalizeUai(record.values.establishment_uai ?? "")).filter(Boolean))];
  const schoolRows = await schoolsByUai(db, uais);
  const schoolIds = schoolRows.map((school) => school.id);
  const serials = [
    ...new Set(
      records.map((record) => record.values.serial_number?.trim().toUpperCase()).filter((serial): serial is string => Boolean(serial)),
    ),
  ];
  const [existing, elsewhere, vendorRows] = await Promise.all([
    cisOfSchools(db, schoolIds),
    serialsElsewhere(db, serials, schoolIds),
    vendorIdsAndNames(db),
  ]);
  return {
    schools: new Map(
      schoolRows.map((school) => [
        school.uai,
        { id: school.id, uai: school.uai, writable: canWriteCisOf(caller, { establishmentId: school.id, zoneId: school.zoneId }) },
      ]),
    ),
    existing,
    serialsElsewhere: new Map(elsewhere.map((row) => [row.serial, row])),
    vendors: new Map(vendorRows.map((vendor) => [foldLabel(vendor.name), vendor.id])),
  };
}

/** Writes the accepted rows: creations in batches, then updates, then parents (a parent the file creates has an id only now), then history. */
async function applyPlan(tx: Executor, caller: Caller, plan: ImportPlan, now: Date) {
  const ci = configurationItems;
  const idByLine = new Map<number, string>();
  const creations = plan.rows.filter((row) => row.action === "create");
  for (let i = 0; i < creations.length; i += 500) {
    const batch = creations.slice(i, i + 500);
    const inserted = await tx
      .insert(ci)
      .values(batch.map((row) => ({ ...row.fields!, parentId: null, createdAt: now, updatedAt: now })))
      .returning({ id: ci.id });
    batch.forEach((row, index) => idByLine.set(row.line, inserted[index]!.id));
  }
  for (const row of plan.rows.filter((r) => r.action === "update")) {
    idByLine.set(row.line, row.ciId!);
    const fields = row.fields!;
    const changed = new Set(row.changes!.map((change) => change.field.split(".")[0]!));
    const set: Partial<CiFields> = Object.fromEntries(Object.entries(fields).filter(([key]) => changed.has(key)));
    if (Object.keys(set).length)
      await tx
        .update(ci)
        .set({ ...set, updatedAt: now })
        .where(eq(ci.id, row.ciId!));
  }
  for (const row of plan.rows) {
    if (!row.parent || row.action === "reject" || row.action === "unchanged") continue;
    const parentId = row.parent.kind === "existing" ? row.parent.id : idByLine.get(row.parent.line)!;
    await tx
      .update(ci)
      .set({ parentId, updatedAt: now })
      .where(eq(ci.id, idByLine.get(row.line)!));
  }
  const entries = [];
  for (const row of plan.rows) {
    if (row.action !== "create" && row.action !== "update") continue;
    entries.push({ ciId: idByLine.get(row.line)!, changes: await readableChanges(tx, row.changes!) });
  }
  await recordHistory(tx, entries, caller.id, "import", now);
}
