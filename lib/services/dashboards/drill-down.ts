import { replicaDatabase } from "@/db/client";
import { drillDownTickets, type Instants } from "@/db/queries/dashboard-tickets";
import type { Caller } from "@/lib/domain/caller";
import type { TicketLine } from "@/lib/domain/dashboard";
import { isDay, periodInstants } from "@/lib/domain/dashboard-period";
import type { DrillDownQuery } from "@/lib/schemas/dashboards";
import { fail, succeed, type ServiceResult } from "@/lib/services/service-result";
import { dashboardSchool, dashboardZone } from "./dashboard-scope";

export type DrillDown = {
  scope: { kind: "establishment"; uai: string; name: string } | { kind: "zone"; code: string; name: string } | { kind: "all" };
  items: TicketLine[];
  next: { createdAt: string; id: string } | null;
};

/** "2026-01-05..2026-01-11" → its instants, or null when it is not two days in order. */
function range(value: string | undefined): Instants | null | undefined {
  if (value === undefined) return undefined;
  const [from, to] = value.split("..");
  if (!from || !to || !isDay(from) || !isDay(to) || from > to) return null;
  return periodInstants({ from, to });
}

/** The tickets behind a dashboard figure, within a school, a zone or the zones the caller may read (same access as the dashboards). */
export async function readDrillDown(caller: Caller, query: DrillDownQuery): Promise<ServiceResult<DrillDown>> {
  let scope: DrillDown["scope"];
  let ids: string[];
  if (query.establishment) {
    const school = await dashboardSchool(caller, query.establishment);
    if (!school.ok) return school;
    scope = { kind: "establishment", uai: school.value.uai, name: school.value.name };
    ids = [school.value.id];
  } else {
    // No school nor zone: every zone the reader sees (the regional view of the whole Région).
    const zone = await dashboardZone(caller, query.zone ?? null);
    if (!zone.ok) return zone;
    scope = zone.value.zone ? { kind: "zone", code: zone.value.zone.code, name: zone.value.zone.name } : { kind: "all" };
    ids = zone.value.schools.map((school) => school.id);
  }
  const opened = range(query.opened);
  const resolved = range(query.resolved);
  const intervened = range(query.intervened);
  if (opened === null || resolved === null || intervened === null) {
    const field = opened === null ? "opened" : resolved === null ? "resolved" : "intervened";
    return fail({
      kind: "invalid",
      message: "dashboards.errors.invalidRange",
      errors: [{ field, message: "dashboards.errors.invalidRange" }],
    });
  }
  const page = await drillDownTickets(replicaDatabase(), {
    ids,
    open: query.open,
    opened,
    resolved,
    status: query.status,
    priority: query.priority,
    sla: query.sla,
    type: query.type,
    serviceCode: query.service,
    party: query.party,
    teamCode: query.team,
    ownQueue: query.own,
    intervened,
    technician: query.technician,
    onSite: query.onSite,
    after: query.cursor,
    limit: query.limit,
  });
  return succeed({ scope, ...page });
}
