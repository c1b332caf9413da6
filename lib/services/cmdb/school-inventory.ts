import { database } from "@/db/client";
import { countCis } from "@/db/queries/ci-list";
import { establishmentHeading } from "@/db/queries/establishments";
import { countsByClassAndStatus, roomModelCounts } from "@/db/queries/school-cis";
import type { Caller } from "@/lib/domain/caller";
import { canReadCisOf, canWriteCisOf } from "@/lib/domain/ci-access";
import { summarizeRooms, HOMOGENEOUS_CLASSES, type RoomModelCount } from "@/lib/domain/ci-rooms";
import type { CiClass, CiStatus } from "@/lib/domain/vocabulary";
import { listFilters } from "./list-cis";

/**
 * A school's inventory at a glance: counts by class and status, its rooms (models per room, the ones
 * not homogeneous flagged), and how many items are renewal candidates. Null when the caller may not see it.
 */
export async function schoolInventory(caller: Caller, uai: string, renewalAgeYears: number | undefined, now: Date) {
  const db = database();
  const school = await establishmentHeading(db, uai);
  if (!school || !canReadCisOf(caller, { establishmentId: school.id, zoneId: school.zoneId })) return null;
  const filters = listFilters({ establishment: uai, renewal: true, renewalAge: renewalAgeYears }, now);
  const [byClassStatus, roomRows, renewal] = await Promise.all([
    countsByClassAndStatus(db, school.id),
    roomModelCounts(db, school.id),
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
    school,
    canWrite: canWriteCisOf(caller, { establishmentId: school.id, zoneId: school.zoneId }),
    counts: [...classes.entries()].map(([ciClass, entry]) => ({ class: ciClass, ...entry })).sort((a, b) => b.total - a.total),
    total: byClassStatus.reduce((sum, row) => sum + row.n, 0),
    rooms: rooms.filter((room) => room.models.some((model) => HOMOGENEOUS_CLASSES.includes(model.class))),
    renewalCandidates: renewal,
    renewalAgeYears: filters.renewalAgeYears,
  };
}
