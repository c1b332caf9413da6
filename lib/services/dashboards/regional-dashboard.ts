import { replicaDatabase } from "@/db/client";
import { allTeams } from "@/db/queries/dashboard-scope";
import { teamMemberCounts, vendorCompliance } from "@/db/queries/dashboard-tickets";
import type { Caller } from "@/lib/domain/caller";
import { foldRows, teamRows, type RegionalDashboard } from "@/lib/domain/dashboard";
import { parisDay } from "@/lib/domain/business-calendar";
import { periodInstants, type Period } from "@/lib/domain/dashboard-period";
import { share } from "@/lib/domain/dashboard-statistics";
import { succeed, type ServiceResult } from "@/lib/services/service-result";
import { dashboardZone, type School, type Zone } from "./dashboard-scope";
import { equipmentFigures } from "./equipment-figures";
import { ticketFigures } from "./ticket-figures";
import { timeFigures } from "./time-figures";

/**
 * The regional view of one zone (`zoneCode`) or of every zone the caller leads (null: the whole
 * Région for the service lead and admins): the same figures as a school's, then per zone, per team
 * and per school, and each vendor's compliance with its repair time.
 */
export async function readRegionalDashboard(
  caller: Caller,
  zoneCode: string | null,
  period: Period,
  now: Date,
): Promise<ServiceResult<RegionalDashboard>> {
  const found = await dashboardZone(caller, zoneCode);
  if (!found.ok) return found;
  return succeed(await regionalFigures(found.value, period, now));
}

/** The regional figures of a scope already allowed: one zone, or several (`zone` null) with their schools. */
export async function regionalFigures(
  { zone, zones, schools }: { zone: Zone | null; zones: readonly Zone[]; schools: readonly School[] },
  period: Period,
  now: Date,
): Promise<RegionalDashboard> {
  const db = replicaDatabase();
  const ids = schools.map((school) => school.id);
  const instants = periodInstants(period);
  const [tickets, teams, members, vendors, equipment, time] = await Promise.all([
    ticketFigures(db, ids, period, instants, now),
    allTeams(db),
    teamMemberCounts(db),
    vendorCompliance(db, ids, instants, now),
    equipmentFigures(db, ids, instants, parisDay(now), { rooms: false }),
    timeFigures(db, schools, instants),
  ]);
  const { scopeGroups, byService, deflectedBySchool, resolvedBy: _resolvedBy, ...figures } = tickets;
  const zoneOf = new Map(schools.map((school) => [school.id, school.zoneId]));
  const establishmentRows = foldRows(
    scopeGroups,
    (group) => group.establishmentId,
    new Map(schools.map((school) => [school.id, school.name])),
  ).map((row) => ({ ...row, key: schools.find((school) => school.id === row.key)!.uai }));
  return {
    scope: zone ? { kind: "zone", code: zone.code, name: zone.name } : { kind: "all" },
    period,
    computedAt: now.toISOString(),
    ...figures,
    zones: foldRows(scopeGroups, (group) => zoneOf.get(group.establishmentId) ?? null, new Map(zones.map((z) => [z.id, z.name]))).map(
      (row) => ({ ...row, key: zones.find((z) => z.id === row.key)!.code }),
    ),
    teams: teamRows(
      scopeGroups,
      teams.map((team) => ({ ...team, members: members.get(team.id) ?? 0 })),
    ),
    establishments: establishmentRows,
    deflections: {
      byService: byService.map((service) => ({
        key: service.code,
        label: service.name,
        opened: service.openedIncidents + service.openedRequests,
        deflected: service.deflected,
      })),
      byEstablishment: schools
        .map((school) => ({
          key: school.uai,
          label: school.name,
          opened: establishmentRows.find((row) => row.key === school.uai)?.opened ?? 0,
          deflected: deflectedBySchool.get(school.id) ?? 0,
        }))
        .filter((row) => row.opened + row.deflected > 0),
    },
    vendors: vendors.map((vendor) => ({
      name: vendor.name,
      waits: vendor.waits,
      ended: vendor.ended,
      onTime: vendor.on_time,
      lateOpen: vendor.late_open,
      compliance: share(vendor.on_time, vendor.ended + vendor.late_open),
    })),
    time,
    equipment,
  };
}
