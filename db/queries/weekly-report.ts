import { and, eq, gte, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  establishments,
  interventions,
  ticketVisits,
  tickets,
  userEstablishments,
  users,
  visitExceptions,
  visitSchedule,
  zones,
} from "@/db/schema";
import { dayOfWeek, nextIsoWeek, type IsoWeek } from "@/lib/domain/iso-week";
import type { WeeklyReportFacts } from "@/lib/domain/weekly-report";

const inWeek = (column: typeof tickets.createdAt | typeof tickets.resolvedAt | typeof interventions.startedAt, week: IsoWeek) =>
  and(gte(column, week.start), lt(column, week.end));

/** What the weekly report of one school reads (lib/domain/weekly-report.ts builds it). */
export async function weeklyReportFacts(
  db: Executor,
  school: { id: string; uai: string; name: string },
  week: IsoWeek,
): Promise<WeeklyReportFacts> {
  const next = nextIsoWeek(week);
  const nextDays = [next.monday, dayOfWeek(next, 7)] as const;
  const [ticketRows, interventionRows, schedule, ticketVisitRows] = await Promise.all([
    db
      .select({
        reference: tickets.reference,
        title: tickets.title,
        type: tickets.type,
        status: tickets.status,
        createdAt: tickets.createdAt,
        resolvedAt: tickets.resolvedAt,
      })
      .from(tickets)
      .where(
        and(
          eq(tickets.establishmentId, school.id),
          or(inWeek(tickets.createdAt, week), inWeek(tickets.resolvedAt, week), eq(tickets.status, "waiting_requester")),
        ),
      ),
    db
      .select({
        ticketReference: tickets.reference,
        mode: interventions.mode,
        startedAt: interventions.startedAt,
        minutes: interventions.minutes,
        travelMinutes: interventions.travelMinutes,
        summary: interventions.summary,
      })
      .from(interventions)
      .innerJoin(tickets, eq(tickets.id, interventions.ticketId))
      .where(and(eq(interventions.establishmentId, school.id), inWeek(interventions.startedAt, week))),
    db
      .select({
        technicianId: visitSchedule.technicianId,
        technicianName: users.name,
        weekday: visitSchedule.weekday,
        halfDay: visitSchedule.halfDay,
        establishmentId: visitSchedule.establishmentId,
      })
      .from(visitSchedule)
      .innerJoin(users, eq(users.id, visitSchedule.technicianId))
      .where(eq(visitSchedule.establishmentId, school.id)),
    db
      .select({
        reference: tickets.reference,
        title: tickets.title,
        technicianName: users.name,
        onDate: ticketVisits.onDate,
        halfDay: ticketVisits.halfDay,
      })
      .from(ticketVisits)
      .innerJoin(tickets, eq(tickets.id, ticketVisits.ticketId))
      .innerJoin(users, eq(users.id, ticketVisits.technicianId))
      .where(
        and(eq(tickets.establishmentId, school.id), gte(ticketVisits.onDate, nextDays[0]), sql`${ticketVisits.onDate} <= ${nextDays[1]}`),
      ),
  ]);
  // Exceptions of the next week that send a technician here, or take one scheduled here elsewhere.
  const scheduled = [...new Set(schedule.map((slot) => slot.technicianId))];
  const exceptions = await db
    .select({
      technicianId: visitExceptions.technicianId,
      technicianName: users.name,
      onDate: visitExceptions.onDate,
      halfDay: visitExceptions.halfDay,
      establishmentId: visitExceptions.establishmentId,
    })
    .from(visitExceptions)
    .innerJoin(users, eq(users.id, visitExceptions.technicianId))
    .where(
      and(
        gte(visitExceptions.onDate, nextDays[0]),
        sql`${visitExceptions.onDate} <= ${nextDays[1]}`,
        scheduled.length
          ? or(eq(visitExceptions.establishmentId, school.id), inArray(visitExceptions.technicianId, scheduled))
          : eq(visitExceptions.establishmentId, school.id),
      ),
    );
  return {
    school: { id: school.id, uai: school.uai, name: school.name },
    week,
    tickets: ticketRows,
    interventions: interventionRows,
    schedule,
    exceptions,
    ticketVisits: ticketVisitRows,
  };
}

/** The schools with tickets opened or resolved, or interventions, in the week: those that may get a report. */
export async function schoolsActiveIn(db: Executor, week: IsoWeek) {
  const active = db
    .select({ id: tickets.establishmentId })
    .from(tickets)
    .where(or(inWeek(tickets.createdAt, week), inWeek(tickets.resolvedAt, week)))
    .union(db.select({ id: interventions.establishmentId }).from(interventions).where(inWeek(interventions.startedAt, week)));
  return db
    .select({
      id: establishments.id,
      uai: establishments.uai,
      name: establishments.name,
      zoneId: zones.id,
      zoneCode: zones.code,
      zoneName: zones.name,
    })
    .from(establishments)
    .innerJoin(zones, eq(zones.id, establishments.zoneId))
    .where(inArray(establishments.id, active))
    .orderBy(establishments.name);
}

/** Whom a school's report goes to: its active heads (manager role, or the chef d'établissement function). */
export async function schoolHeads(db: Executor, establishmentIds: string[]) {
  if (!establishmentIds.length) return [];
  return db
    .select({ establishmentId: userEstablishments.establishmentId, id: users.id, name: users.name, email: users.email })
    .from(userEstablishments)
    .innerJoin(users, eq(users.id, userEstablishments.userId))
    .where(
      and(
        inArray(userEstablishments.establishmentId, establishmentIds),
        isNull(users.disabledAt),
        or(eq(users.role, "manager"), eq(users.functionCode, "chef_etablissement")),
      ),
    );
}

/** The active sector leads of these zones (one report e-mail each, a section per school). */
export async function zoneSectorLeads(db: Executor, zoneIds: string[]) {
  if (!zoneIds.length) return [];
  return db
    .select({ zoneId: users.zoneId, id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.role, "sector_lead"), inArray(users.zoneId, zoneIds), isNull(users.disabledAt)));
}
