import { replicaDatabase } from "@/db/client";
import { latestRatingComments, ticketLines } from "@/db/queries/dashboard-tickets";
import type { Caller } from "@/lib/domain/caller";
import type { EstablishmentDashboard } from "@/lib/domain/dashboard";
import { parisDay } from "@/lib/domain/business-calendar";
import { periodInstants, type Period } from "@/lib/domain/dashboard-period";
import { succeed, type ServiceResult } from "@/lib/services/service-result";
import { dashboardSchool } from "./dashboard-scope";
import { equipmentFigures } from "./equipment-figures";
import { ticketFigures } from "./ticket-figures";
import { timeFigures } from "./time-figures";

/** A school's dashboard over a period: its open tickets now, the period's flows and outcomes, its equipment. */
export async function readEstablishmentDashboard(
  caller: Caller,
  uai: string,
  period: Period,
  now: Date,
): Promise<ServiceResult<EstablishmentDashboard>> {
  const found = await dashboardSchool(caller, uai);
  if (!found.ok) return found;
  const school = found.value;
  const db = replicaDatabase();
  const ids = [school.id];
  const instants = periodInstants(period);
  const [tickets, lines, comments, equipment, time] = await Promise.all([
    ticketFigures(db, ids, period, instants, now),
    ticketLines(db, ids, 10),
    latestRatingComments(db, ids, instants, 5),
    equipmentFigures(db, ids, instants, parisDay(now), { rooms: true }),
    timeFigures(db, [school], instants),
  ]);
  const { scopeGroups: _groups, deflectedBySchool: _deflected, satisfaction, ...figures } = tickets;
  return succeed({
    establishment: {
      uai: school.uai,
      name: school.name,
      type: school.type,
      city: school.city,
      zone: { code: school.zoneCode, name: school.zoneName },
    },
    period,
    computedAt: now.toISOString(),
    ...figures,
    oldestOpen: lines.oldest,
    slaAlerts: lines.alerts,
    satisfaction: { ...satisfaction, comments },
    time,
    equipment,
  });
}
