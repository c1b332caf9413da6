import { eq, inArray } from "drizzle-orm";
import { ZodError } from "zod";
import type { Executor } from "@/db/client";
import { ancestorIds, ciById, childCount, type CiRecord } from "@/db/queries/ci-detail";
import { ciInstallations, configurationItems } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import { canWriteCisOf } from "@/lib/domain/ci-access";
import { parseCiAttributes } from "@/lib/domain/ci-classes";
import { ciChanges, creationChanges, type CiFields, type FieldChange } from "@/lib/domain/ci-fields";
import { installationRefusal, parentRefusal } from "@/lib/domain/ci-relations";
import type { CiStatus } from "@/lib/domain/vocabulary";
import type { CreateCiInput, PatchCiInput } from "@/lib/schemas/cis";
import { fieldErrors } from "@/lib/schemas/field-errors";
import type { ServiceResult } from "../service-result";
import { refuse } from "../refusal";
import { fieldsOf, inCmdbTransaction, lockWritable, readableChanges, recordHistory, type CiSource } from "./ci-transaction";
import { vendorByName } from "@/db/queries/vendors";
import { establishmentByUai } from "@/db/queries/establishments";
import { ciNameTaken, ciWithSerial, cisByIds, installedSoftware } from "@/db/queries/school-cis";

type SoftwareInput = NonNullable<CreateCiInput["software"]>;

function checkAttributes(fields: CiFields) {
  const parsed = parseCiAttributes(fields.class, fields.attributes);
  if (parsed.success) return parsed.data;
  const label = `cmdb.classes.${fields.class}`;
  const errors = parsed.error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ field: `attributes.${key}`, message: "cmdb.errors.fieldNotForClass", values: { label } }))
      : fieldErrors(new ZodError([issue]), "attributes"),
  );
  return refuse({ kind: "invalid", message: "cmdb.errors.classFieldsInvalid", values: { label }, errors });
}

async function maintainerId(tx: Executor, name: string | null | undefined): Promise<string | null | undefined> {
  if (name === undefined || name === null) return name;
  const vendor = await vendorByName(tx, name);
  return (
    vendor?.id ??
    refuse({
      kind: "unprocessable",
      message: "cmdb.errors.noSuchVendor",
      values: { name },
      errors: [{ field: "maintainer", message: "cmdb.errors.unknownVendor" }],
    })
  );
}

/** The uplink or host is in the same school, of a class that can be one, and not below the item (no loop). */
async function checkParent(
  tx: Executor,
  item: { id: string; class: CiFields["class"]; establishmentId: string; name: string },
  parentId: string | null,
) {
  if (!parentId) return;
  const parent = await ciById(tx, parentId);
  if (!parent)
    refuse({
      kind: "unprocessable",
      message: "cmdb.errors.parentNotFound",
      errors: [{ field: "parentId", message: "cmdb.errors.unknownItem" }],
    });
  const chain = await ancestorIds(tx, parentId);
  const refusal = parentRefusal(
    item,
    { id: parent.id, class: parent.class, establishmentId: parent.establishmentId, name: parent.name },
    chain,
  );
  if (refusal) refuse({ kind: "unprocessable", ...refusal, errors: [{ field: "parentId", ...refusal }] });
}

/** A serial number names one machine across the whole inventory. */
async function checkSerial(tx: Executor, serial: string | null, exceptId: string | null) {
  if (!serial) return;
  const other = await ciWithSerial(tx, serial, exceptId);
  if (other) refuse({ kind: "conflict", message: "cmdb.errors.serialTaken", values: { serial, name: other.name, uai: other.uai } });
}

async function checkNameFree(tx: Executor, fields: CiFields, exceptId: string | null) {
  if (await ciNameTaken(tx, fields.establishmentId, fields.name, exceptId))
    refuse({ kind: "conflict", message: "cmdb.errors.nameTakenIn", values: { name: fields.name } });
}

/** Replaces the software installed on `host`; returns the history line when the list changed. */
async function setSoftware(
  tx: Executor,
  host: { id: string; class: CiFields["class"]; establishmentId: string; name: string },
  software: SoftwareInput,
): Promise<FieldChange | null> {
  const wanted = new Map(software.map((item) => [item.id, item.version ?? null]));
  const items = await cisByIds(tx, [...wanted.keys()]);
  if (items.length !== wanted.size)
    refuse({
      kind: "unprocessable",
      message: "cmdb.errors.softwareNotFound",
      errors: [{ field: "software", message: "cmdb.errors.unknownSoftware" }],
    });
  for (const item of items) {
    const refusal = installationRefusal(host, item);
    if (refusal) refuse({ kind: "unprocessable", ...refusal, errors: [{ field: "software", ...refusal }] });
  }
  const before = await installedSoftware(tx, host.id);
  const describe = (list: Array<{ name: string; version: string | null }>) =>
    list.map((item) => (item.version ? `${item.name} ${item.version}` : item.name)).sort();
  const after = items.map((item) => ({ name: item.name, version: wanted.get(item.id) ?? null }));
  if (JSON.stringify(describe(before)) === JSON.stringify(describe(after))) return null;
  await tx.delete(ciInstallations).where(eq(ciInstallations.ciId, host.id));
  if (items.length)
    await tx
      .insert(ciInstallations)
      .values(items.map((item) => ({ ciId: host.id, softwareId: item.id, version: wanted.get(item.id) ?? null })));
  return { field: "software", from: describe(before), to: describe(after) };
}

/** Creates an item in a school the caller keeps, with its history's first line. */
export function createCi(caller: Caller, input: CreateCiInput, source: CiSource, now: Date): Promise<ServiceResult<{ id: string }>> {
  return inCmdbTransaction(async (tx) => {
    const school = await establishmentByUai(tx, input.establishment);
    if (!school)
      refuse({
        kind: "unprocessable",
        message: "forms.errors.noSchoolWithUai",
        values: { uai: input.establishment },
        errors: [{ field: "establishment", message: "forms.errors.unknownUai" }],
      });
    if (!canWriteCisOf(caller, { establishmentId: school.id, zoneId: school.zoneId }))
      refuse({ kind: "forbidden", message: "cmdb.errors.inventoryForbidden" });
    const fields: CiFields = {
      name: input.name,
      class: input.class,
      establishmentId: school.id,
      building: input.building ?? null,
      room: input.room ?? null,
      status: input.status,
      criticality: input.criticality,
      brand: input.brand ?? null,
      model: input.model ?? null,
      serialNumber: input.serialNumber ?? null,
      assetNumber: input.assetNumber ?? null,
      regionNumber: input.regionNumber ?? null,
      purchaseDate: input.purchaseDate ?? null,
      deliveryDate: input.deliveryDate ?? null,
      warrantyEndOverride: input.warrantyEnd ?? null,
      funding: input.funding,
      maintainerId: (await maintainerId(tx, input.maintainer)) ?? null,
      parentId: input.parentId ?? null,
      notes: input.notes ?? null,
      attributes: withoutNulls(input.attributes ?? {}),
    };
    return insertCi(tx, fields, { authorId: caller.id, source, software: input.software }, now);
  });
}

/**
 * Writes a new item inside the caller's transaction, with the checks every creation shares (class attributes,
 * name free in the school, serial free everywhere, uplink) and its history's first line. The entry point has
 * checked who may; a refusal rolls the whole action back. Also what a delivery's check uses to inventory
 * the items it accepts (lib/services/deliveries).
 */
export async function insertCi(
  tx: Executor,
  fields: CiFields,
  options: { authorId: string | null; source: CiSource; software?: SoftwareInput },
  now: Date,
): Promise<{ id: string }> {
  fields.attributes = checkAttributes(fields);
  await checkNameFree(tx, fields, null);
  await checkSerial(tx, fields.serialNumber, null);
  const [row] = await tx
    .insert(configurationItems)
    .values({ ...fields, parentId: null, createdAt: now, updatedAt: now })
    .returning({ id: configurationItems.id });
  const item = { id: row!.id, class: fields.class, establishmentId: fields.establishmentId, name: fields.name };
  await checkParent(tx, item, fields.parentId);
  if (fields.parentId) await tx.update(configurationItems).set({ parentId: fields.parentId }).where(eq(configurationItems.id, item.id));
  const software = options.software ? await setSoftware(tx, item, options.software) : null;
  const changes = await readableChanges(tx, [...creationChanges(fields), ...(software ? [software] : [])]);
  await recordHistory(tx, [{ ciId: item.id, changes }], options.authorId, options.source, now);
  return { id: item.id };
}

const withoutNulls = (attributes: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== null && value !== undefined));

export type UpdateOptions = {
  source: CiSource;
  /** A form sends every attribute of the class: the stored ones it leaves out are removed. */ replaceAttributes?: boolean;
};

/** Changes an item: its fields, uplink or host, installed software; every change goes to its history. Nothing changed, nothing written. */
export function updateCi(
  caller: Caller,
  id: string,
  patch: PatchCiInput,
  options: UpdateOptions,
  now: Date,
): Promise<ServiceResult<{ id: string; changed: boolean }>> {
  return inCmdbTransaction(async (tx) => {
    const record = await lockWritable(tx, caller, id);
    const before = fieldsOf(record);
    const next: Partial<CiFields> = {};
    const copy = [
      "name",
      "class",
      "building",
      "room",
      "status",
      "criticality",
      "brand",
      "model",
      "serialNumber",
      "assetNumber",
      "regionNumber",
      "purchaseDate",
      "deliveryDate",
      "funding",
      "parentId",
      "notes",
    ] as const;
    for (const key of copy) if (patch[key] !== undefined) (next as Record<string, unknown>)[key] = patch[key];
    if (patch.warrantyEnd !== undefined) next.warrantyEndOverride = patch.warrantyEnd;
    if (patch.maintainer !== undefined) next.maintainerId = await maintainerId(tx, patch.maintainer);
    if (patch.establishment !== undefined) await moveSchool(tx, caller, record, patch.establishment, next);
    if (patch.attributes !== undefined || next.class) {
      const merged = withoutNulls({ ...(options.replaceAttributes ? {} : before.attributes), ...(patch.attributes ?? {}) });
      next.attributes = checkAttributes({ ...before, ...next, attributes: merged });
    }
    const after: CiFields = { ...before, ...next };
    if (after.name !== before.name || after.establishmentId !== before.establishmentId) await checkNameFree(tx, after, id);
    if (after.serialNumber !== before.serialNumber) await checkSerial(tx, after.serialNumber, id);
    if (after.parentId !== before.parentId)
      await checkParent(tx, { id, class: after.class, establishmentId: after.establishmentId, name: after.name }, after.parentId);
    else if (after.class !== before.class && after.parentId)
      await checkParent(tx, { id, class: after.class, establishmentId: after.establishmentId, name: after.name }, after.parentId);
    const changes = ciChanges(before, next);
    if (changes.length) {
      await tx
        .update(configurationItems)
        .set({ ...next, updatedAt: now })
        .where(eq(configurationItems.id, id));
    }
    const software = patch.software
      ? await setSoftware(tx, { id, class: after.class, establishmentId: after.establishmentId, name: after.name }, patch.software)
      : null;
    const all = [...changes, ...(software ? [software] : [])];
    await recordHistory(tx, [{ ciId: id, changes: await readableChanges(tx, all) }], caller.id, options.source, now);
    return { id, changed: all.length > 0 };
  });
}

/** Moving to another school: the caller keeps both, and the item leaves its links behind (uplink, software, nothing below it). */
async function moveSchool(tx: Executor, caller: Caller, record: CiRecord, uai: string, next: Partial<CiFields>) {
  if (uai === record.establishment.uai) return;
  const school = await establishmentByUai(tx, uai);
  if (!school)
    refuse({
      kind: "unprocessable",
      message: "forms.errors.noSchoolWithUai",
      values: { uai },
      errors: [{ field: "establishment", message: "forms.errors.unknownUai" }],
    });
  if (!canWriteCisOf(caller, { establishmentId: school.id, zoneId: school.zoneId }))
    refuse({ kind: "forbidden", message: "cmdb.errors.destinationForbidden" });
  if ((await childCount(tx, record.id)) > 0) refuse({ kind: "conflict", message: "cmdb.errors.hasChildren" });
  next.establishmentId = school.id;
  if (next.parentId === undefined) next.parentId = null;
  await tx.delete(ciInstallations).where(eq(ciInstallations.ciId, record.id));
}

/** The same status on a selection (a room's PCs to `obsolete`), in one transaction, each item's history kept; one refusal changes none. */
export function bulkSetStatus(caller: Caller, ids: string[], status: CiStatus, now: Date): Promise<ServiceResult<{ changed: number }>> {
  return inCmdbTransaction(async (tx) => {
    const entries: Array<{ ciId: string; changes: FieldChange[] }> = [];
    for (const id of [...new Set(ids)].sort()) {
      const record = await lockWritable(tx, caller, id);
      if (record.status === status) continue;
      entries.push({ ciId: id, changes: [{ field: "status", from: record.status, to: status }] });
    }
    if (entries.length)
      await tx
        .update(configurationItems)
        .set({ status, updatedAt: now })
        .where(
          inArray(
            configurationItems.id,
            entries.map((entry) => entry.ciId),
          ),
        );
    await recordHistory(tx, entries, caller.id, "bulk", now);
    return { changed: entries.length };
  });
}
