import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  establishmentReferents,
  establishments,
  teamMembers,
  teams,
  technicianAbsences,
  ticketVisits,
  tickets,
  users,
  visitExceptions,
  visitSchedule,
} from "@/db/schema";
import type { Absence, HalfDay, ScheduleSlot, VisitException } from "@/lib/domain/visit-planning";
import { preparedStatement } from "./prepared";

/**
 * Reads behind the technicians' planning (issue 14): referents, absences, default weeks, exceptions and the
 * tickets planned in each visit. Plain rows for the pure rules of lib/domain/visit-planning.ts; the weekly
 * report reads "planned next week" through the same functions.
 */

export type SchoolReferentRow = { establishmentId: string; referentId: string; backupId: string | null };

export async function schoolReferents(db: Executor, establishmentId: string): Promise<SchoolReferentRow | null> {
  const [row] = await schoolReferentsStatement(db).execute({ establishmentId });
  return row ?? null;
}

const schoolReferentsStatement = preparedStatement((db) =>
  db
    .select({
      establishmentId: establishmentReferents.establishmentId,
      referentId: establishmentReferents.referentId,
      backupId: establishmentReferents.backupId,
    })
    .from(establishmentReferents)
    .where(eq(establishmentReferents.establishmentId, sql.placeholder("establishmentId")))
    .prepare("school_referents"),
);

/** The absences of these people that touch [from, to] (Paris dates, both included). */
export async function absencesBetween(
  db: Executor,
  userIds: string[],
  from: string,
  to: string,
): Promise<Array<Absence & { id: string; note: string | null }>> {
  if (!userIds.length) return [];
  return db
    .select({
      id: technicianAbsences.id,
      userId: technicianAbsences.userId,
      startsOn: technicianAbsences.startsOn,
      endsOn: technicianAbsences.endsOn,
      note: technicianAbsences.note,
    })
    .from(technicianAbsences)
    .where(and(inArray(technicianAbsences.userId, userIds), lte(technicianAbsences.startsOn, to), gte(technicianAbsences.endsOn, from)))
    .orderBy(asc(technicianAbsences.startsOn));
}

/** The default weeks of these technicians, or of whoever visits this school. */
export async function scheduleOf(db: Executor, scope: { technicianIds: string[] } | { establishmentId: string }): Promise<ScheduleSlot[]> {
  const where =
    "establishmentId" in scope
      ? eq(visitSchedule.establishmentId, scope.establishmentId)
      : scope.technicianIds.length
        ? inArray(visitSchedule.technicianId, scope.technicianIds)
        : undefined;
  if (!where) return [];
  return db
    .select({
      technicianId: visitSchedule.technicianId,
      weekday: visitSchedule.weekday,
      halfDay: visitSchedule.halfDay,
      establishmentId: visitSchedule.establishmentId,
    })
    .from(visitSchedule)
    .where(where)
    .orderBy(asc(visitSchedule.weekday), asc(visitSchedule.halfDay));
}

/**
 * The exceptions between two dates, of these technicians or touching this school: for a school, also every
 * exception of the technicians who usually visit it (one may cancel their visit there).
 */
export async function exceptionsBetween(
  db: Executor,
  scope: { technicianIds: string[] } | { establishmentId: string },
  from: string,
  to: string,
): Promise<VisitException[]> {
  const inDates = and(gte(visitExceptions.onDate, from), lte(visitExceptions.onDate, to));
  const who =
    "establishmentId" in scope
      ? or(
          eq(visitExceptions.establishmentId, scope.establishmentId),
          inArray(
            visitExceptions.technicianId,
            db
              .select({ id: visitSchedule.technicianId })
              .from(visitSchedule)
              .where(eq(visitSchedule.establishmentId, scope.establishmentId)),
          ),
        )
      : scope.technicianIds.length
        ? inArray(visitExceptions.technicianId, scope.technicianIds)
        : undefined;
  if (!who) return [];
  return db
    .select({
      technicianId: visitExceptions.technicianId,
      onDate: visitExceptions.onDate,
      halfDay: visitExceptions.halfDay,
      establishmentId: visitExceptions.establishmentId,
    })
    .from(visitExceptions)
    .where(and(inDates, who))
    .orderBy(asc(visitExceptions.onDate));
}

/**
 * Everything the pure rules need to list visits to a school: its technicians' default weeks (a technician
 * visiting the school on one half-day may be sent there by an exception on another), exceptions and absences.
 */
export async function visitFactsForSchool(db: Executor, establishmentId: string, from: string, to: string) {
  const exceptions = await exceptionsBetween(db, { establishmentId }, from, to);
  const visiting = await scheduleOf(db, { establishmentId });
  const technicianIds = [...new Set([...visiting.map((slot) => slot.technicianId), ...exceptions.map((row) => row.technicianId)])];
  const [schedule, absences] = await Promise.all([scheduleOf(db, { technicianIds }), absencesBetween(db, technicianIds, from, to)]);
  return { schedule, exceptions, absences };
}

export type PlannedTicket = {
  ticketId: string;
  reference: string;
  title: string;
  establishmentId: string;
  technicianId: string;
  onDate: string;
  halfDay: HalfDay;
};

/** The tickets planned for visits of these technicians between two dates (staff only: the planning page and API). */
export async function plannedTickets(db: Executor, technicianIds: string[], from: string, to: string): Promise<PlannedTicket[]> {
  if (!technicianIds.length) return [];
  return db
    .select({
      ticketId: tickets.id,
      reference: tickets.reference,
      title: tickets.title,
      establishmentId: tickets.establishmentId,
      technicianId: ticketVisits.technicianId,
      onDate: ticketVisits.onDate,
      halfDay: ticketVisits.halfDay,
    })
    .from(ticketVisits)
    .innerJoin(tickets, eq(tickets.id, ticketVisits.ticketId))
    .where(and(inArray(ticketVisits.technicianId, technicianIds), gte(ticketVisits.onDate, from), lte(ticketVisits.onDate, to)))
    .orderBy(asc(ticketVisits.onDate), asc(ticketVisits.halfDay), asc(tickets.reference));
}

/** Names of schools and people, for display. */
export async function schoolNames(db: Executor, ids: string[]): Promise<Map<string, { uai: string; name: string }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: establishments.id, uai: establishments.uai, name: establishments.name })
    .from(establishments)
    .where(inArray(establishments.id, ids));
  return new Map(rows.map((row) => [row.id, { uai: row.uai, name: row.name }]));
}

export async function personNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** A person with the zones of their teams (who may be a school's referent, whose planning a lead manages). */
export async function personWithZones(db: Executor, userId: string) {
  const [person] = await db
    .select({ id: users.id, name: users.name, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!person) return null;
  const zoneRows = await db
    .selectDistinct({ zoneId: teams.zoneId })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.userId, userId), isNotNull(teams.zoneId)));
  return {
    id: person.id,
    name: person.name,
    role: person.role,
    disabled: person.disabledAt !== null,
    zoneIds: zoneRows.map((row) => row.zoneId!),
  };
}

/** The active technicians of a zone's teams, by name: who may be a school's referent. */
export async function zoneTechnicians(db: Executor, zoneIds: string[]): Promise<Array<{ id: string; name: string }>> {
  if (!zoneIds.length) return [];
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(inArray(teams.zoneId, zoneIds), eq(users.role, "technician"), isNull(users.disabledAt)))
    .orderBy(asc(users.name), asc(users.id));
}

/**
 * Those of `userIds` who are active members of the team (a referent outside the team the rule chose cannot take its
 * ticket), each with their absences touching `day` (a Paris date): what the referent's assignment weighs, in one statement.
 */
export async function teamMembersWithAbsencesOn(
  db: Executor,
  teamId: string,
  userIds: string[],
  day: string,
): Promise<Array<{ id: string; name: string; absences: Absence[] }>> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      absences: sql<
        Array<{ startsOn: string; endsOn: string }>
      >`coalesce((select json_agg(json_build_object('startsOn', ${technicianAbsences.startsOn}, 'endsOn', ${technicianAbsences.endsOn}))
        from ${technicianAbsences} where ${technicianAbsences.userId} = ${users.id} and ${technicianAbsences.startsOn} <= ${day} and ${technicianAbsences.endsOn} >= ${day}), '[]'::json)`,
    })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.teamId, teamId), inArray(teamMembers.userId, userIds), isNull(users.disabledAt)));
  return rows.map((row) => ({ ...row, absences: row.absences.map((absence) => ({ userId: row.id, ...absence })) }));
}

/** The school a ticket belongs to. */
export async function ticketEstablishmentId(db: Executor, ticketId: string): Promise<string | null> {
  const [row] = await db.select({ establishmentId: tickets.establishmentId }).from(tickets).where(eq(tickets.id, ticketId));
  return row?.establishmentId ?? null;
}

/** The team holding a ticket (its calendar closes days to visits). */
export async function ticketAssignedTeamId(db: Executor, ticketId: string): Promise<string | null> {
  const [row] = await db.select({ teamId: tickets.assignedTeamId }).from(tickets).where(eq(tickets.id, ticketId));
  return row?.teamId ?? null;
}

/** The school of one half-day of a technician's default week, or null when it is free. */
export async function scheduleSlotSchool(
  db: Executor,
  slot: { technicianId: string; weekday: number; halfDay: HalfDay },
): Promise<string | null> {
  const [row] = await db
    .select({ establishmentId: visitSchedule.establishmentId })
    .from(visitSchedule)
    .where(
      and(
        eq(visitSchedule.technicianId, slot.technicianId),
        eq(visitSchedule.weekday, slot.weekday),
        eq(visitSchedule.halfDay, slot.halfDay),
      ),
    );
  return row?.establishmentId ?? null;
}

/** The visit a ticket is planned for, with its technician's name; null when none is. */
export async function ticketVisit(
  db: Executor,
  ticketId: string,
): Promise<{ onDate: string; halfDay: HalfDay; technician: { id: string; name: string } } | null> {
  const [row] = await db
    .select({ onDate: ticketVisits.onDate, halfDay: ticketVisits.halfDay, technicianId: users.id, technicianName: users.name })
    .from(ticketVisits)
    .innerJoin(users, eq(users.id, ticketVisits.technicianId))
    .where(eq(ticketVisits.ticketId, ticketId));
  return row ? { onDate: row.onDate, halfDay: row.halfDay, technician: { id: row.technicianId, name: row.technicianName } } : null;
}

/**
 * The people with one of these roles in some teams, by name: the teams of a zone (a sector lead's), or the
 * teams a person belongs to.
 */
export function teamPeopleWithRoles(
  db: Executor,
  scope: { zoneId: string } | { memberId: string },
  roles: ReadonlyArray<(typeof users.role.enumValues)[number]>,
): Promise<Array<{ id: string; name: string }>> {
  const teamScope =
    "zoneId" in scope
      ? db.select({ id: teams.id }).from(teams).where(eq(teams.zoneId, scope.zoneId))
      : db.select({ id: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, scope.memberId));
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(inArray(teamMembers.teamId, teamScope), inArray(users.role, [...roles])))
    .orderBy(asc(users.name), asc(users.id));
}
