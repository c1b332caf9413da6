import { asc, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { criticalPeriodEstablishments, criticalPeriods, establishments } from "@/db/schema";
import type { CriticalPeriod } from "@/lib/domain/critical-periods";

const columns = {
  id: criticalPeriods.id,
  name: criticalPeriods.name,
  kind: criticalPeriods.kind,
  startsOn: criticalPeriods.startsOn,
  endsOn: criticalPeriods.endsOn,
  priorityFloor: criticalPeriods.priorityFloor,
  allEstablishments: criticalPeriods.allEstablishments,
  createdAt: criticalPeriods.createdAt,
};

async function schoolsOf(db: Executor, periodIds: string[]) {
  if (!periodIds.length) return [];
  return db
    .select({ periodId: criticalPeriodEstablishments.criticalPeriodId, establishmentId: establishments.id, uai: establishments.uai })
    .from(criticalPeriodEstablishments)
    .innerJoin(establishments, eq(establishments.id, criticalPeriodEstablishments.establishmentId))
    .where(inArray(criticalPeriodEstablishments.criticalPeriodId, periodIds))
    .orderBy(asc(establishments.uai));
}

/** Every critical period, the latest first, with the UAIs of the schools it lists. */
export async function listCriticalPeriods(db: Executor) {
  const periods = await db.select(columns).from(criticalPeriods).orderBy(desc(criticalPeriods.startsOn), desc(criticalPeriods.createdAt));
  const schools = await schoolsOf(
    db,
    periods.map((period) => period.id),
  );
  return periods.map((period) => ({
    ...period,
    establishments: schools.filter((school) => school.periodId === period.id).map((school) => school.uai),
  }));
}
export type CriticalPeriodRow = Awaited<ReturnType<typeof listCriticalPeriods>>[number];

/** Every period, as the filing rule reads them (lib/domain/critical-periods.ts): a few a year, for the reference cache. */
export async function criticalPeriodsForReference(db: Executor): Promise<CriticalPeriod[]> {
  const periods = await db.select(columns).from(criticalPeriods);
  const schools = await schoolsOf(
    db,
    periods.filter((period) => !period.allEstablishments).map((period) => period.id),
  );
  return periods.map((period) => ({
    ...period,
    establishmentIds: schools.filter((school) => school.periodId === period.id).map((school) => school.establishmentId),
  }));
}
