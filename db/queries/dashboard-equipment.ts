import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { ciStartDate, ciWarrantyEnd } from "./ci-lifecycle-sql";
import type { RoomModelCount } from "@/lib/domain/ci-rooms";
import { HOMOGENEOUS_CLASSES } from "@/lib/domain/ci-rooms";
import type { CiClass, CiStatus } from "@/lib/domain/vocabulary";
import { uuidArray, type Instants, type TicketScopeIds } from "./dashboard-tickets";

/**
 * The equipment figures of a dashboard, counted in PostgreSQL over the scope's items.
 *
 * The lifecycle rules are lib/domain/ci-lifecycle.ts's (issue 6: warranty from delivery by class
 * for Région-funded items unless entered by hand, whole years of age by the birthday rule, renewal
 * when obsolete or out of warranty and old enough). A school holds thousands of distinct dates, so
 * they are applied here in SQL, once, from the same constants; dashboards.test.ts
 * (integration) checks this SQL against lifecycleOf() item by item.
 */

/** wholeYears(start, today): the difference of years, less one before the anniversary (29 February counts on 28 February, like addYears). */
function ageYears(today: string): SQL {
  const years = sql`(extract(year FROM ${today}::date)::int - extract(year FROM ${ciStartDate})::int)`;
  return sql`CASE WHEN ${ciStartDate} IS NULL THEN NULL ELSE ${years} - CASE WHEN (${ciStartDate} + make_interval(years => ${years}))::date > ${today}::date THEN 1 ELSE 0 END END`;
}

export type LifecycleGroup = {
  class: CiClass;
  status: CiStatus;
  age: number | null;
  warrantyKnown: boolean;
  outOfWarranty: boolean;
  renewal: boolean;
  count: number;
};

/** Items in service (not disposed), grouped by class × status × age × warranty × renewal candidacy. */
export async function lifecycleGroups(
  db: Executor,
  ids: TicketScopeIds,
  today: string,
  renewalAgeYears: number,
): Promise<LifecycleGroup[]> {
  if (ids.length === 0) return [];
  const end = ciWarrantyEnd();
  const result = await db.execute<{
    class: CiClass;
    status: CiStatus;
    age: number | null;
    known: boolean;
    expired: boolean;
    renewal: boolean;
    count: number;
  }>(sql`
    WITH c AS (
      SELECT class, status, ${ageYears(today)} AS age, ${end} AS warranty_end, ${ciStartDate} AS start_date
      FROM configuration_items WHERE establishment_id = ANY(${uuidArray(ids)}) AND status <> 'disposed'
    )
    SELECT class, status, age, warranty_end IS NOT NULL AS known, coalesce(warranty_end < ${today}::date, false) AS expired,
      (status = 'obsolete' OR ((warranty_end IS NULL OR warranty_end < ${today}::date) AND start_date IS NOT NULL
        AND (start_date + make_interval(years => ${renewalAgeYears}::int))::date <= ${today}::date)) AS renewal,
      count(*)::int AS count
    FROM c GROUP BY 1, 2, 3, 4, 5, 6`);
  return result.rows.map((row) => ({
    class: row.class,
    status: row.status,
    age: row.age,
    warrantyKnown: row.known,
    outOfWarranty: row.expired,
    renewal: row.renewal,
    count: row.count,
  }));
}

/** Workstations per room and model (disposed left out), for lib/domain/ci-rooms.ts's summarizeRooms; one school at a time. */
export async function roomModelCounts(
  db: Executor,
  establishmentIds: TicketScopeIds,
): Promise<Array<RoomModelCount & { establishmentId: string }>> {
  if (establishmentIds.length === 0) return [];
  const classes = sql.raw(HOMOGENEOUS_CLASSES.map((ciClass) => `'${ciClass}'`).join(", "));
  const result = await db.execute<{
    establishment_id: string;
    building: string | null;
    room: string;
    class: CiClass;
    brand: string | null;
    model: string | null;
    count: number;
  }>(sql`
    SELECT establishment_id, building, room, class, brand, model, count(*)::int AS count
    FROM configuration_items
    WHERE establishment_id = ANY(${uuidArray(establishmentIds)}) AND status <> 'disposed' AND room IS NOT NULL AND class IN (${classes})
    GROUP BY 1, 2, 3, 4, 5, 6`);
  return result.rows.map((row) => ({
    establishmentId: row.establishment_id,
    building: row.building,
    room: row.room,
    class: row.class,
    brand: row.brand,
    model: row.model,
    count: row.count,
  }));
}

/** The items named by the most incidents opened in the period. */
export async function mostIncidentCis(db: Executor, ids: TicketScopeIds, period: Instants, limit: number) {
  if (ids.length === 0) return [];
  const result = await db.execute<{ id: string; name: string; class: CiClass; room: string | null; uai: string; incidents: number }>(sql`
    WITH top AS (
      SELECT tc.ci_id, count(*)::int AS incidents
      FROM tickets t JOIN ticket_cis tc ON tc.ticket_id = t.id
      WHERE t.establishment_id = ANY(${uuidArray(ids)}) AND t.created_at >= ${period.start.toISOString()}::timestamptz
        AND t.created_at < ${period.end.toISOString()}::timestamptz AND t.type = 'incident'
      GROUP BY tc.ci_id ORDER BY incidents DESC, tc.ci_id LIMIT ${limit}
    )
    SELECT c.id, c.name, c.class, c.room, e.uai, top.incidents
    FROM top JOIN configuration_items c ON c.id = top.ci_id JOIN establishments e ON e.id = c.establishment_id
    ORDER BY top.incidents DESC, c.name`);
  return result.rows.map((row) => ({
    id: row.id,
    name: row.name,
    class: row.class,
    room: row.room,
    establishmentUai: row.uai,
    incidents: row.incidents,
  }));
}
