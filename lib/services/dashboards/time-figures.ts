import type { Executor } from "@/db/client";
import { interventionSums, type InterventionSum } from "@/db/queries/interventions";
import type { Instants } from "@/db/queries/dashboard-tickets";
import type { TimeFigures } from "@/lib/domain/dashboard";
import { sumTimeSpent, type TimeSpent } from "@/lib/domain/interventions";

const spent = (row: InterventionSum): TimeSpent => ({
  minutes: row.minutes,
  travelMinutes: row.travelMinutes,
  count: row.count,
  onSite: row.onSite,
});

/** The time section: interventions started in the period on `schools`, summed per school, technician and month. */
export async function timeFigures(
  db: Executor,
  schools: readonly { id: string; uai: string; name: string }[],
  period: Instants,
): Promise<TimeFigures> {
  const scope = { establishmentIds: schools.map((school) => school.id), from: period.start, to: period.end };
  const [bySchool, byAuthor, byMonth] = await Promise.all([
    interventionSums(db, scope, "establishment"),
    interventionSums(db, scope, "author"),
    interventionSums(db, scope, "month"),
  ]);
  const school = new Map(schools.map((row) => [row.id, row]));
  return {
    total: sumTimeSpent(bySchool.map(spent)),
    bySchool: bySchool
      .map((row) => ({ uai: school.get(row.establishmentId!)!.uai, name: school.get(row.establishmentId!)!.name, ...spent(row) }))
      .sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name)),
    byTechnician: byAuthor
      .map((row) => ({ id: row.authorId!, name: row.authorName!, ...spent(row) }))
      .sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name)),
    byMonth: byMonth.map((row) => ({ month: row.month!, ...spent(row) })),
  };
}
