import { and, asc, count, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { configurationItems as ci } from "@/db/schema";
import { NETWORK_CLASSES } from "@/lib/domain/ci-classes";
import type { CiClass } from "@/lib/domain/vocabulary";

const PARENT_CLASSES: CiClass[] = [...NETWORK_CLASSES, "server"];

/** Those of `ids` that are in the school's inventory (an id of another school's item is left out). */
export function schoolCisAmong(db: Executor, establishmentId: string, ids: string[]) {
  return db.select({ id: ci.id, name: ci.name, criticality: ci.criticality }).from(ci)
    .where(and(inArray(ci.id, ids), eq(ci.establishmentId, establishmentId)));
}

/** The school's items that can be an uplink or a host, by name. */
export function parentCandidates(db: Executor, establishmentId: string) {
  return db.select({ id: ci.id, name: ci.name, class: ci.class }).from(ci)
    .where(and(eq(ci.establishmentId, establishmentId), inArray(ci.class, PARENT_CLASSES))).orderBy(asc(ci.name)).limit(1000);
}

/** The school's software, by name. */
export function schoolSoftware(db: Executor, establishmentId: string) {
  return db.select({ id: ci.id, name: ci.name }).from(ci).where(and(eq(ci.establishmentId, establishmentId), eq(ci.class, "software"))).orderBy(asc(ci.name));
}

/** How many items the school has of each class and status. */
export function countsByClassAndStatus(db: Executor, establishmentId: string) {
  return db.select({ class: ci.class, status: ci.status, n: count() }).from(ci).where(eq(ci.establishmentId, establishmentId)).groupBy(ci.class, ci.status);
}

/** How many items in use of each model stand in each room of the school (software aside). */
export function roomModelCounts(db: Executor, establishmentId: string) {
  return db.select({ building: ci.building, room: sql<string>`${ci.room}`, class: ci.class, brand: ci.brand, model: ci.model, count: count() }).from(ci)
    .where(and(eq(ci.establishmentId, establishmentId), isNotNull(ci.room), ne(ci.status, "disposed"), ne(ci.class, "software")))
    .groupBy(ci.building, ci.room, ci.class, ci.brand, ci.model);
}
