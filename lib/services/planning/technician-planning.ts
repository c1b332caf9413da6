import { database, type Executor } from "@/db/client";
import {
  absencesBetween,
  exceptionsBetween,
  personWithZones,
  plannedTickets,
  scheduleOf,
  schoolNames,
  teamPeopleWithRoles,
} from "@/db/queries/planning";
import type { Caller } from "@/lib/domain/caller";
import { canManagePlanningOf, PLANNED_ROLES } from "@/lib/domain/planning-access";
import { can } from "@/lib/domain/permissions";
import { isAbsent, visitsOn, weekDates } from "@/lib/domain/visit-planning";
import type { TechnicianWeek } from "@/lib/presentation/planning-views";

export type { TechnicianWeek };
import { refuse } from "../refusal";
import { fail, succeed, type ServiceResult } from "../service-result";

/**
 * The technician loaded for a planning action: 404 when the caller may not manage them (or they have no
 * planning), 403 for someone whose role never manages a planning (school staff).
 */
export async function lockPlanningOwner(db: Executor, caller: Caller, technicianId: string) {
  if (!can(caller, "desk.use")) refuse({ kind: "forbidden", message: "planning.errors.forbidden" });
  const owner = await personWithZones(db, technicianId);
  if (!owner || !canManagePlanningOf(caller, owner)) refuse({ kind: "not_found" });
  return owner;
}

/** Weeks of several technicians: visits from the default week and exceptions, absences, and the tickets planned in each visit. */
export async function weeksOf(db: Executor, technicians: Array<{ id: string; name: string }>, week: string): Promise<TechnicianWeek[]> {
  const dates = weekDates(week);
  const from = dates[0]!;
  const to = dates[dates.length - 1]!;
  const ids = technicians.map((technician) => technician.id);
  const [schedule, exceptions, absences, planned] = await Promise.all([
    scheduleOf(db, { technicianIds: ids }),
    exceptionsBetween(db, { technicianIds: ids }, from, to),
    absencesBetween(db, ids, from, to),
    plannedTickets(db, ids, from, to),
  ]);
  const visits = visitsOn(dates, schedule, exceptions);
  const schools = await schoolNames(db, [
    ...new Set([...visits.map((visit) => visit.establishmentId), ...schedule.map((slot) => slot.establishmentId)]),
  ]);
  return technicians.map((technician) => ({
    technician,
    week,
    days: dates.map((date) => ({
      date,
      absent: isAbsent(absences, technician.id, date),
      halfDays: (["am", "pm"] as const).map((halfDay) => {
        const visit = visits.find((row) => row.technicianId === technician.id && row.onDate === date && row.halfDay === halfDay);
        return {
          onDate: date,
          halfDay,
          school: visit ? (schools.get(visit.establishmentId) ?? null) : null,
          tickets: planned
            .filter((row) => row.technicianId === technician.id && row.onDate === date && row.halfDay === halfDay)
            .map((row) => ({ reference: row.reference, title: row.title })),
        };
      }),
    })),
    absences: absences
      .filter((absence) => absence.userId === technician.id)
      .map(({ id, startsOn, endsOn, note }) => ({ id, startsOn, endsOn, note })),
    schedule: schedule
      .filter((slot) => slot.technicianId === technician.id)
      .map((slot) => ({ weekday: slot.weekday, halfDay: slot.halfDay, school: schools.get(slot.establishmentId) ?? null })),
  }));
}

/** One technician's week (the API and the page): 403 for school staff, 404 when not the caller's to see. */
export async function readTechnicianWeek(caller: Caller, technicianId: string, week: string): Promise<ServiceResult<TechnicianWeek>> {
  const db = database();
  if (!can(caller, "desk.use")) return fail({ kind: "forbidden", message: "planning.errors.forbidden" });
  const owner = await personWithZones(db, technicianId);
  if (!owner || !canManagePlanningOf(caller, owner)) return fail({ kind: "not_found" });
  const [result] = await weeksOf(db, [{ id: owner.id, name: owner.name }], week);
  return succeed(result!);
}

/**
 * "My team's" week: the people with a planning in the caller's teams, and for a sector lead every such
 * person in their zone's teams; the caller first when they have a planning themself.
 */
export async function readTeamWeeks(caller: Caller, week: string): Promise<TechnicianWeek[]> {
  if (!can(caller, "desk.use")) return [];
  const db = database();
  const people = await teamPeopleWithRoles(
    db,
    caller.role === "sector_lead" && caller.zoneId ? { zoneId: caller.zoneId } : { memberId: caller.id },
    PLANNED_ROLES,
  );
  const ordered = [...people.filter((person) => person.id === caller.id), ...people.filter((person) => person.id !== caller.id)];
  return weeksOf(db, ordered, week);
}
