import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import { database, type Executor } from "@/db/client";
import { configurationItems, establishments, vendors } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import { canWriteCisOf, keepsInventory } from "@/lib/domain/ci-access";
import { foldLabel } from "@/lib/domain/ci-classes";
import type { CiFields } from "@/lib/domain/ci-fields";
import { importColumn, planImport, REQUIRED_COLUMNS, type ImportContext, type ImportPlan, type ImportRecord } from "@/lib/domain/ci-import";
import { normalizeUai } from "@/lib/domain/uai";
import { fail, succeed, type ServiceResult } from "../service-result";
import { inCmdbTransaction, readableChanges, recordHistory } from "./ci-transaction";
import { CsvError, readCsv, writeCsv, type CsvTable } from "./csv";

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** The multipart request around the file: room for its part's headers and the boundaries, nothing more. */
export const MAX_IMPORT_REQUEST_BYTES = MAX_IMPORT_BYTES + 64 * 1024;
export const MAX_IMPORT_ROWS = 50_000;

export type ImportResult = {
  dryRun: boolean;
  encoding: string;
  delimiter: string;
  ignoredColumns: string[];
  created: number;
  updated: number;
  unchanged: number;
  rejected: Array<{ line: number; reasons: string[] }>;
  rows: Array<{ line: number; action: ImportPlan["rows"][number]["action"]; uai: string; name: string; ciId: string | null; changes: Array<{ field: string; from: unknown; to: unknown }>; reasons: string[] }>;
  /** The rejected rows as they were in the file, each with its reasons first: to fix and import again. Null when none was rejected. */
  errorReport: string | null;
};

const forbidden = () => fail<never>({ kind: "forbidden", message: "L'import est réservé aux équipes qui tiennent l'inventaire." });

/**
 * Imports an inventory export. A dry run says row by row what would be created, updated, left unchanged
 * or rejected and why; applying writes every accepted row in one transaction (rejected ones never) with
 * each item's history, and a second run of the same file finds nothing to change.
 */
export async function importCis(caller: Caller, bytes: Uint8Array, options: { dryRun: boolean }, now: Date): Promise<ServiceResult<ImportResult>> {
  if (!keepsInventory(caller)) return forbidden();
  if (bytes.byteLength === 0) return fail({ kind: "invalid", message: "Le fichier est vide.", errors: [{ field: "file", message: "Fichier vide." }] });
  if (bytes.byteLength > MAX_IMPORT_BYTES) return fail({ kind: "invalid", message: "Le fichier dépasse 10 Mo ; découpez-le par établissement.", errors: [{ field: "file", message: "Fichier trop gros (10 Mo au plus)." }] });
  let table: CsvTable;
  try {
    table = readCsv(bytes);
  } catch (error) {
    if (error instanceof CsvError) return fail({ kind: "invalid", message: error.message, errors: [{ field: "file", message: error.message }] });
    throw error;
  }
  const columns = table.headers.map(importColumn);
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length) {
    const message = `Colonnes obligatoires absentes : ${missing.join(", ")} (en-têtes lus : ${table.headers.join(", ") || "aucun"}).`;
    return fail({ kind: "invalid", message, errors: [{ field: "file", message }] });
  }
  if (table.rows.length > MAX_IMPORT_ROWS) return fail({ kind: "invalid", message: `Plus de ${MAX_IMPORT_ROWS} lignes ; découpez le fichier.`, errors: [{ field: "file", message: "Trop de lignes." }] });
  const records: ImportRecord[] = table.rows.map((row) => ({
    line: row.line,
    values: Object.fromEntries(columns.flatMap((column, index) => (column ? [[column, row.cells[index] ?? ""]] : []))),
  }));
  const shape = { encoding: table.encoding, delimiter: table.delimiter, ignoredColumns: table.headers.filter((_, index) => columns[index] === null) };

  if (options.dryRun) {
    const plan = planImport(records, await importContext(database(), caller, records));
    return succeed(result(plan, table, shape, true));
  }
  const applied = await inCmdbTransaction(async (tx) => {
    // One import at a time: two concurrent files cannot both create the same machine.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('guichet:cmdb-import'))`);
    const plan = planImport(records, await importContext(tx, caller, records));
    await applyPlan(tx, caller, plan, now);
    return plan;
  });
  return applied.ok ? succeed(result(applied.value, table, shape, false)) : applied;
}

function result(plan: ImportPlan, table: CsvTable, shape: Pick<ImportResult, "encoding" | "delimiter" | "ignoredColumns">, dryRun: boolean): ImportResult {
  const rejectedLines = new Map(plan.rejected.map((row) => [row.line, row.reasons]));
  const errorRows = table.rows.filter((row) => rejectedLines.has(row.line)).map((row) => [row.line, rejectedLines.get(row.line)!.join(" | "), ...row.cells]);
  return {
    dryRun, ...shape, created: plan.created, updated: plan.updated, unchanged: plan.unchanged, rejected: plan.rejected,
    rows: plan.rows.map((row) => ({ line: row.line, action: row.action, uai: row.uai, name: row.name, ciId: row.ciId ?? null, changes: row.changes ?? [], reasons: row.reasons })),
    errorReport: errorRows.length ? writeCsv([["ligne", "erreurs", ...table.headers], ...errorRows]) : null,
  };
}

/** What the planner needs from the database: the schools the file names, their items, serial numbers held elsewhere, vendors. */
async function importContext(db: Executor, caller: Caller, records: ImportRecord[]): Promise<ImportContext> {
  const uais = [...new Set(records.map((record) => normalizeUai(record.values.establishment_uai ?? "")).filter(Boolean))];
  const schoolRows = uais.length ? await db.select({ id: establishments.id, uai: establishments.uai, zoneId: establishments.zoneId }).from(establishments).where(inArray(establishments.uai, uais)) : [];
  const schoolIds = schoolRows.map((school) => school.id);
  const serials = [...new Set(records.map((record) => record.values.serial_number?.trim().toUpperCase()).filter((serial): serial is string => Boolean(serial)))];
  const ci = configurationItems;
  const [existing, elsewhere, vendorRows] = await Promise.all([
    schoolIds.length ? db.select({
      id: ci.id, name: ci.name, class: ci.class, establishmentId: ci.establishmentId, building: ci.building, room: ci.room, status: ci.status,
      criticality: ci.criticality, brand: ci.brand, model: ci.model, serialNumber: ci.serialNumber, assetNumber: ci.assetNumber, regionNumber: ci.regionNumber,
      purchaseDate: ci.purchaseDate, deliveryDate: ci.deliveryDate, warrantyEndOverride: ci.warrantyEndOverride, funding: ci.funding, maintainerId: ci.maintainerId,
      parentId: ci.parentId, notes: ci.notes, attributes: ci.attributes,
    }).from(ci).where(inArray(ci.establishmentId, schoolIds)) : [],
    serials.length ? db.select({ serial: sql<string>`upper(${ci.serialNumber})`, establishmentId: ci.establishmentId, uai: establishments.uai, name: ci.name })
      .from(ci).innerJoin(establishments, eq(establishments.id, ci.establishmentId))
      .where(and(inArray(sql`upper(${ci.serialNumber})`, serials), schoolIds.length ? notInArray(ci.establishmentId, schoolIds) : undefined)) : [],
    db.select({ id: vendors.id, name: vendors.name }).from(vendors),
  ]);
  return {
    schools: new Map(schoolRows.map((school) => [school.uai, { id: school.id, uai: school.uai, writable: canWriteCisOf(caller, { establishmentId: school.id, zoneId: school.zoneId }) }])),
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
    const inserted = await tx.insert(ci).values(batch.map((row) => ({ ...row.fields!, parentId: null, createdAt: now, updatedAt: now }))).returning({ id: ci.id });
    batch.forEach((row, index) => idByLine.set(row.line, inserted[index]!.id));
  }
  for (const row of plan.rows.filter((r) => r.action === "update")) {
    idByLine.set(row.line, row.ciId!);
    const fields = row.fields!;
    const changed = new Set(row.changes!.map((change) => change.field.split(".")[0]!));
    const set: Partial<CiFields> = Object.fromEntries(Object.entries(fields).filter(([key]) => changed.has(key)));
    if (Object.keys(set).length) await tx.update(ci).set({ ...set, updatedAt: now }).where(eq(ci.id, row.ciId!));
  }
  for (const row of plan.rows) {
    if (!row.parent || row.action === "reject" || row.action === "unchanged") continue;
    const parentId = row.parent.kind === "existing" ? row.parent.id : idByLine.get(row.parent.line)!;
    await tx.update(ci).set({ parentId, updatedAt: now }).where(eq(ci.id, idByLine.get(row.line)!));
  }
  const entries = [];
  for (const row of plan.rows) {
    if (row.action !== "create" && row.action !== "update") continue;
    entries.push({ ciId: idByLine.get(row.line)!, changes: await readableChanges(tx, row.changes!) });
  }
  await recordHistory(tx, entries, caller.id, "import", now);
}
