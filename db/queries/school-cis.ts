import { and, asc, count, eq, inArray, isNotNull, ne, notInArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { ciInstallations, configurationItems as ci, establishments, vendors } from "@/db/schema";
import { NETWORK_CLASSES } from "@/lib/domain/ci-classes";
import type { CiClass } from "@/lib/domain/vocabulary";

const PARENT_CLASSES: CiClass[] = [...NETWORK_CLASSES, "server"];

/** Those of `ids` that are in the school's inventory (an id of another school's item is left out). */
export function schoolCisAmong(db: Executor, establishmentId: string, ids: string[]) {
  return db
    .select({ id: ci.id, name: ci.name, criticality: ci.criticality })
    .from(ci)
    .where(and(inArray(ci.id, ids), eq(ci.establishmentId, establishmentId)));
}

/** The school's items that can be an uplink or a host, by name. */
export function parentCandidates(db: Executor, establishmentId: string) {
  return db
    .select({ id: ci.id, name: ci.name, class: ci.class })
    .from(ci)
    .where(and(eq(ci.establishmentId, establishmentId), inArray(ci.class, PARENT_CLASSES)))
    .orderBy(asc(ci.name))
    .limit(1000);
}

/** The school's software, by name. */
export function schoolSoftware(db: Executor, establishmentId: string) {
  return db
    .select({ id: ci.id, name: ci.name })
    .from(ci)
    .where(and(eq(ci.establishmentId, establishmentId), eq(ci.class, "software")))
    .orderBy(asc(ci.name));
}

/** How many items the school has of each class and status. */
export function countsByClassAndStatus(db: Executor, establishmentId: string) {
  return db
    .select({ class: ci.class, status: ci.status, n: count() })
    .from(ci)
    .where(eq(ci.establishmentId, establishmentId))
    .groupBy(ci.class, ci.status);
}

/** How many items in use of each model stand in each room of the school (software aside). */
export function roomModelCounts(db: Executor, establishmentId: string) {
  return db
    .select({ building: ci.building, room: sql<string>`${ci.room}`, class: ci.class, brand: ci.brand, model: ci.model, count: count() })
    .from(ci)
    .where(and(eq(ci.establishmentId, establishmentId), isNotNull(ci.room), ne(ci.status, "disposed"), ne(ci.class, "software")))
    .groupBy(ci.building, ci.room, ci.class, ci.brand, ci.model);
}

/** The item holding that serial number, other than `exceptId`, with its school's UAI; or null. */
export async function ciWithSerial(db: Executor, serial: string, exceptId: string | null) {
  const [other] = await db
    .select({ name: ci.name, uai: establishments.uai })
    .from(ci)
    .innerJoin(establishments, eq(establishments.id, ci.establishmentId))
    .where(and(eq(ci.serialNumber, serial), exceptId ? ne(ci.id, exceptId) : undefined))
    .limit(1);
  return other ?? null;
}

/** Whether the school has an item of that name, other than `exceptId`. */
export async function ciNameTaken(db: Executor, establishmentId: string, name: string, exceptId: string | null): Promise<boolean> {
  const [other] = await db
    .select({ id: ci.id })
    .from(ci)
    .where(and(eq(ci.establishmentId, establishmentId), eq(ci.name, name), exceptId ? ne(ci.id, exceptId) : undefined));
  return other !== undefined;
}

/** Items by id, with what an installation or a parent link checks: class, school, name. */
export function cisByIds(db: Executor, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.select({ id: ci.id, class: ci.class, establishmentId: ci.establishmentId, name: ci.name }).from(ci).where(inArray(ci.id, ids));
}

/** The software installed on a host, with its version. */
export function installedSoftware(db: Executor, hostId: string) {
  return db
    .select({ id: ciInstallations.softwareId, version: ciInstallations.version, name: ci.name })
    .from(ciInstallations)
    .innerJoin(ci, eq(ci.id, ciInstallations.softwareId))
    .where(eq(ciInstallations.ciId, hostId));
}

/** The labels history lines show for the ids a change mentions: items by name, schools by UAI, vendors by name. */
export async function historyLabels(
  db: Executor,
  ids: { parentIds: string[]; establishmentIds: string[]; maintainerIds: string[] },
): Promise<Map<string, string>> {
  const [cis, schools, maintainers] = await Promise.all([
    ids.parentIds.length ? db.select({ id: ci.id, label: ci.name }).from(ci).where(inArray(ci.id, ids.parentIds)) : [],
    ids.establishmentIds.length
      ? db
          .select({ id: establishments.id, label: establishments.uai })
          .from(establishments)
          .where(inArray(establishments.id, ids.establishmentIds))
      : [],
    ids.maintainerIds.length
      ? db.select({ id: vendors.id, label: vendors.name }).from(vendors).where(inArray(vendors.id, ids.maintainerIds))
      : [],
  ]);
  return new Map([...cis, ...schools, ...maintainers].map((row) => [row.id, row.label]));
}

/** The items of those schools, every field the CSV import compares. */
export function cisOfSchools(db: Executor, establishmentIds: string[]) {
  if (!establishmentIds.length) return Promise.resolve([]);
  return db
    .select({
      id: ci.id,
      name: ci.name,
      class: ci.class,
      establishmentId: ci.establishmentId,
      building: ci.building,
      room: ci.room,
      status: ci.status,
      criticality: ci.criticality,
      brand: ci.brand,
      model: ci.model,
      serialNumber: ci.serialNumber,
      assetNumber: ci.assetNumber,
      regionNumber: ci.regionNumber,
      purchaseDate: ci.purchaseDate,
      deliveryDate: ci.deliveryDate,
      warrantyEndOverride: ci.warrantyEndOverride,
      funding: ci.funding,
      maintainerId: ci.maintainerId,
      parentId: ci.parentId,
      notes: ci.notes,
      attributes: ci.attributes,
    })
    .from(ci)
    .where(inArray(ci.establishmentId, establishmentIds));
}

/** Items holding those serial numbers (compared in capitals) in other schools than `exceptSchoolIds`. */
export function serialsElsewhere(db: Executor, serials: string[], exceptSchoolIds: string[]) {
  if (!serials.length) return Promise.resolve([]);
  return db
    .select({ serial: sql<string>`upper(${ci.serialNumber})`, establishmentId: ci.establishmentId, uai: establishments.uai, name: ci.name })
    .from(ci)
    .innerJoin(establishments, eq(establishments.id, ci.establishmentId))
    .where(
      and(
        inArray(sql`upper(${ci.serialNumber})`, serials),
        exceptSchoolIds.length ? notInArray(ci.establishmentId, exceptSchoolIds) : undefined,
      ),
    );
}
