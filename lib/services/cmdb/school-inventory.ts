import { and, count, eq, ne, isNotNull, sql } from "drizzle-orm";
import { database } from "@/db/client";
import { configurationItems, establishments, zones } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import { canReadCisOf, canWriteCisOf } from "@/lib/domain/ci-access";
import { summarizeRooms, HOMOGENEOUS_CLASSES, type RoomModelCount } from "@/lib/domain/ci-rooms";
import type { CiClass, CiStatus } from "@/lib/domain/vocabulary";
import { countCis } from "@/db/queries/ci-list";
import { listFilters } from "./list-cis";

const ci = configurationItems;

/**
 * A school's inventory at a glance: counts by class and status, its rooms (models per room, the ones
 * not homogeneous flagged), and how many items are renewal candidates. Null when the caller may not see it.
 */
export async function schoolInventory(caller: Caller, uai: string, renewalAgeYears: number | undefined, now: Date) {
  const db = database();
  const [school] = await db.select({ id: establishments.id, uai: establishments.uai, name: establishments.name, type: establishments.type, city: establishments.city, zoneId: establishments.zoneId, zone: zones.name })
    .from(establishments).innerJoin(zones, eq(zones.id, establishments.zoneId)).where(eq(establishments.uai, uai));
  if (!school || !canReadCisOf(caller, { establishmentId: school.id, zoneId: school.zoneId })) return null;
  const filters = listFilters({ establishment: uai, renewal: true, renewalAge: renewalAgeYears }, now);
  const [byClassStatus, roomRows, renewal] = await Promise.all([
    db.select({ class: ci.class, status: ci.status, n: count() }).from(ci).where(eq(ci.establishmentId, school.id)).groupBy(ci.class, ci.status),
    db.select({ building: ci.building, room: sql<string>`${ci.room}`, class: ci.class, brand: ci.brand, model: ci.model, count: count() }).from(ci)
      .where(and(eq(ci.establishmentId, school.id), isNotNull(ci.room), ne(ci.status, "disposed"), ne(ci.class, "software")))
      .groupBy(ci.building, ci.room, ci.class, ci.brand, ci.model),
    countCis(db, { ...filters, scope: { kind: "establishments", ids: [school.id] } }),
  ]);
  const classes = new Map<CiClass, { total: number; byStatus: Partial<Record<CiStatus, number>> }>();
  for (const row of byClassStatus) {
    const entry = classes.get(row.class) ?? { total: 0, byStatus: {} };
    entry.total += row.n;
    entry.byStatus[row.status] = row.n;
    classes.set(row.class, entry);
  }
  const rooms = summarizeRooms(roomRows as RoomModelCount[]);
  return {
    school, canWrite: canWriteCisOf(caller, { establishmentId: school.id, zoneId: school.zoneId }),
    counts: [...classes.entries()].map(([ciClass, entry]) => ({ class: ciClass, ...entry })).sort((a, b) => b.total - a.total),
    total: byClassStatus.reduce((sum, row) => sum + row.n, 0),
    rooms: rooms.filter((room) => room.models.some((model) => HOMOGENEOUS_CLASSES.includes(model.class))),
    renewalCandidates: renewal, renewalAgeYears: filters.renewalAgeYears,
  };
}
