import type { Caller } from "./caller";
import type { Role } from "./vocabulary";

/** Role → permissions, as data. Later capabilities add their permissions here. */
const ROLE_PERMISSIONS = {
  "establishments.read_all": ["technician", "sector_lead", "service_lead", "academy_agent", "admin"],
  "establishments.read_own": ["requester", "manager"],
  /** The school's portal: filing and following its own tickets. */
  "portal.use": ["requester", "manager"],
  "users.manage": ["admin"],
  /** The audit trail (/admin/journal, GET /api/v1/audit): who changed what, from where. */
  "audit.read": ["admin"],
  /** Schools (and their support modes, rooms, onboarding), teams, vendors and zones. */
  "organisation.manage": ["admin"],
  /** Where every school stands in joining the scheme: sector leads for their zone, the service lead and admins everywhere. */
  "onboarding.overview": ["sector_lead", "service_lead", "admin"],
  /** The e-mail outbox (/admin/courriels): every message Guichet wrote, as sent, and sending a failed one again. */
  "outbox.manage": ["admin"],
  /** The technicians' workspace: queues, working tickets, escalations. */
  "desk.use": ["technician", "sector_lead", "service_lead", "academy_agent", "vendor_agent", "admin"],
  /** Working any ticket one sees there (taking, statuses, transfers, escalations, bulk changes); vendor agents act only on what is escalated to them (lib/domain/vendor-access.ts). */
  "tickets.work": ["technician", "sector_lead", "service_lead", "academy_agent", "admin"],
  /** Filing for any school: the academy call platform and the Région's staff, on a school's behalf. */
  "tickets.file_any": ["technician", "sector_lead", "service_lead", "academy_agent", "admin"],
  /** Editing the routing rules: which team gets which tickets. */
  "routing.manage": ["admin"],
  /** Trying the routing on an imagined ticket, to see which rule would take it and why. */
  "routing.test": ["technician", "sector_lead", "service_lead", "academy_agent", "admin"],
  /** The inventory (CMDB): school staff read their schools' items, the Région's and Académie's staff every school's. */
  "cmdb.read": ["requester", "manager", "technician", "sector_lead", "service_lead", "academy_agent", "admin"],
  "cmdb.read_all": ["technician", "sector_lead", "service_lead", "academy_agent", "admin"],
  /** Keeping it: on-site technicians and sector leads for their zones' schools (lib/domain/ci-access.ts), the service lead and admins everywhere. */
  "cmdb.write_zone": ["technician", "sector_lead"],
  "cmdb.write_all": ["service_lead", "admin"],
  /** The per-team SLA summary (compliance over 30 days, open tickets at risk, escalations, vendors): sector leads for their zone, the service lead and admins everywhere. */
  "sla.summary": ["sector_lead", "service_lead", "admin"],
  /** Business calendars (weekly hours, closures), escalation ladders and vendors' repair times. */
  "sla.manage": ["admin"],
  /** Dashboards (issue 7): a school's, for its head, its zone's leads and the Région's deciders; the regional view for leads; every school and zone. */
  "dashboards.establishment": ["manager", "sector_lead", "service_lead", "admin"],
  "dashboards.regional": ["sector_lead", "service_lead", "admin"],
  "dashboards.all": ["service_lead", "admin"],
  /** The technicians' planning (/bureau/planning): one's own week and team's; a sector lead's zone; admins any technician's. */
  "planning.use": ["technician", "sector_lead", "admin"],
  /** Critical periods (exams): the Région declares them, and during one a concerned school's incidents get a priority floor. */
  "criticalPeriods.manage": ["service_lead", "admin"],
  /** Announcing known incidents and planned works (issue 16): the Région (its service lead, admins) and the Académie; never a school. */
  "announcements.publish": ["service_lead", "academy_agent", "admin"],
  /** Saying "Mon établissement est concerné" by an announced incident: a school's own staff. */
  "announcements.report": ["requester", "manager"],
  /** The knowledge base (issue 16): staff write drafts; the service lead and admins publish, edit what is published and archive. */
  "articles.write": ["technician", "sector_lead", "service_lead", "academy_agent", "admin"],
  "articles.publish": ["service_lead", "admin"],
  /** Reading the articles written for staff only; school staff read those for schools. */
  "articles.read_staff": ["technician", "sector_lead", "service_lead", "academy_agent", "admin"],
  /** The yearly equipment campaign (issue 17): its calendar and catalogue for everyone but vendors; the Région opens one. */
  "campaigns.read": ["requester", "manager", "technician", "sector_lead", "service_lead", "academy_agent", "admin"],
  "campaigns.manage": ["service_lead", "admin"],
  /** The analysis and the allocations: sector leads for their zone's schools, the service lead and admins everywhere. */
  "campaigns.analyse": ["sector_lead", "service_lead", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof ROLE_PERMISSIONS;

export function can(caller: Pick<Caller, "role">, permission: Permission): boolean {
  return (ROLE_PERMISSIONS[permission] as readonly Role[]).includes(caller.role);
}

/** School staff file for their own schools; the call platform and the Région's staff for any school. */
export function canFileTicketFor(caller: Pick<Caller, "role" | "establishmentIds">, establishmentId: string): boolean {
  if (can(caller, "tickets.file_any")) return true;
  return (caller.role === "requester" || caller.role === "manager") && caller.establishmentIds.includes(establishmentId);
}

/** A school's page and record: every school for the Région's and Académie's staff, their own for school staff. */
export function canSeeEstablishment(caller: Pick<Caller, "role" | "establishmentIds">, establishmentId: string): boolean {
  if (can(caller, "establishments.read_all")) return true;
  return can(caller, "establishments.read_own") && caller.establishmentIds.includes(establishmentId);
}

/** Which schools' onboarding the caller follows: every zone, the zone they lead (sector lead), or none. */
export function onboardingScope(caller: Pick<Caller, "role" | "zoneId">): { kind: "all" } | { kind: "zone"; zoneId: string } | null {
  if (!can(caller, "onboarding.overview")) return null;
  if (caller.role !== "sector_lead") return { kind: "all" };
  return caller.zoneId ? { kind: "zone", zoneId: caller.zoneId } : null;
}

/** Whether the caller analyses and allocates this school's campaign request: its zone's sector lead, the service lead, admins. */
export function canAllocateFor(caller: Pick<Caller, "role" | "zoneId">, school: { zoneId: string }): boolean {
  if (!can(caller, "campaigns.analyse")) return false;
  return caller.role !== "sector_lead" || caller.zoneId === school.zoneId;
}

/** Whether the caller is one of the school's own staff (who fill and submit its campaign questionnaire). */
export function isSchoolStaff(caller: Pick<Caller, "role" | "establishmentIds">, establishmentId: string): boolean {
  return (caller.role === "requester" || caller.role === "manager") && caller.establishmentIds.includes(establishmentId);
}
