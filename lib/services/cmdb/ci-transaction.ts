import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { ciById, type CiRecord } from "@/db/queries/ci-detail";
import { ciHistory, configurationItems } from "@/db/schema";
import { historyLabels } from "@/db/queries/school-cis";
import type { Caller } from "@/lib/domain/caller";
import { canReadCisOf, canWriteCisOf } from "@/lib/domain/ci-access";
import type { CiFields, FieldChange } from "@/lib/domain/ci-fields";
import { refusableTransaction, refuse } from "../refusal";
import type { ServiceResult } from "../service-result";

export type CiSource = "form" | "api" | "import" | "bulk";

/** One user action, one transaction; a refusal anywhere rolls it all back and comes back as the failure. */
export function inCmdbTransaction<T>(run: (tx: Executor) => Promise<T>): Promise<ServiceResult<T>> {
  return refusableTransaction(run, (error) => (isUniqueViolation(error) ? { kind: "conflict", message: "cmdb.errors.nameTaken" } : null));
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | null)?.cause ?? error;
  return (cause as { code?: string } | null)?.code === "23505";
}

/**
 * Locks an item and loads it for a change: 404 when missing or out of the caller's sight (the same
 * answer, so nothing leaks), 403 when the caller reads but may not keep that school's inventory.
 */
export async function lockWritable(tx: Executor, caller: Caller, id: string): Promise<CiRecord> {
  await tx.select({ id: configurationItems.id }).from(configurationItems).where(eq(configurationItems.id, id)).for("update");
  const record = await ciById(tx, id);
  if (!record || !canReadCisOf(caller, record)) refuse({ kind: "not_found" });
  if (!canWriteCisOf(caller, record)) refuse({ kind: "forbidden", message: "cmdb.errors.inventoryForbidden" });
  return record;
}

/** The stored fields of a loaded item, as the domain compares them. */
export function fieldsOf(record: CiRecord): CiFields {
  return {
    name: record.name,
    class: record.class,
    establishmentId: record.establishmentId,
    building: record.building,
    room: record.room,
    status: record.status,
    criticality: record.criticality,
    brand: record.brand,
    model: record.model,
    serialNumber: record.serialNumber,
    assetNumber: record.assetNumber,
    regionNumber: record.regionNumber,
    purchaseDate: record.purchaseDate,
    deliveryDate: record.deliveryDate,
    warrantyEndOverride: record.warrantyEndOverride,
    funding: record.funding,
    maintainerId: record.maintainerId,
    parentId: record.parentId,
    notes: record.notes,
    attributes: record.attributes,
  };
}

/**
 * History lines readers understand: a parent, a maintainer or a school by its name rather than its id.
 * `names` maps the ids a change may mention to what to show.
 */
export async function readableChanges(tx: Executor, changes: FieldChange[]): Promise<FieldChange[]> {
  const ids = (field: string) =>
    changes
      .filter((change) => change.field === field)
      .flatMap((change) => [change.from, change.to])
      .filter((v): v is string => typeof v === "string");
  const label = await historyLabels(tx, {
    parentIds: ids("parentId"),
    establishmentIds: ids("establishmentId"),
    maintainerIds: ids("maintainerId"),
  });
  const rename: Record<string, string> = { parentId: "parent", establishmentId: "establishment", maintainerId: "maintainer" };
  return changes.map((change) =>
    rename[change.field]
      ? {
          field: rename[change.field]!,
          from: typeof change.from === "string" ? (label.get(change.from) ?? change.from) : change.from,
          to: typeof change.to === "string" ? (label.get(change.to) ?? change.to) : change.to,
        }
      : change,
  );
}

export async function recordHistory(
  tx: Executor,
  entries: Array<{ ciId: string; changes: FieldChange[] }>,
  /** Null when the system acts (a delivery deemed compliant by the worker). */
  authorId: string | null,
  source: CiSource,
  now: Date,
) {
  const kept = entries.filter((entry) => entry.changes.length > 0);
  if (!kept.length) return;
  for (let i = 0; i < kept.length; i += 1000) {
    await tx
      .insert(ciHistory)
      .values(kept.slice(i, i + 1000).map((entry) => ({ ciId: entry.ciId, authorId, source, changes: entry.changes, createdAt: now })));
  }
}
