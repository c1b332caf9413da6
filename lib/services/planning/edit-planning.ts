import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { establishmentByUai } from "@/db/queries/establishments";
import { scheduleSlotSchool } from "@/db/queries/planning";
import { technicianAbsences, visitExceptions, visitSchedule } from "@/db/schema";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import type { AbsenceInput, ScheduleSlotInput, VisitExceptionInput } from "@/lib/schemas/planning";
import { recordAudit } from "../audit/record-audit";
import { refusableTransaction, refuse } from "../refusal";
import type { ServiceResult } from "../service-result";
import { lockPlanningOwner } from "./technician-planning";

/** The school named in a planning form, or null for "none"; an unknown UAI is the field's error. */
async function schoolId(tx: Executor, uai: string | null): Promise<string | null> {
  if (uai === null) return null;
  const school = await establishmentByUai(tx, uai);
  if (!school)
    refuse({
      kind: "invalid",
      message: "planning.errors.checkFields",
      errors: [{ field: "uai", message: "planning.errors.unknownSchool", values: { uai } }],
    });
  return school.id;
}

/** An absence (whole days, both ends included), entered by the technician or their lead. */
export function addAbsence(caller: Caller, input: AbsenceInput, now: Date, actor: AuditActor): Promise<ServiceResult<{ id: string }>> {
  return refusableTransaction(async (tx) => {
    const owner = await lockPlanningOwner(tx, caller, input.technicianId);
    const [row] = await tx
      .insert(technicianAbsences)
      .values({
        userId: owner.id,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        note: input.note,
        createdAt: now,
        createdById: caller.id,
      })
      .returning({ id: technicianAbsences.id });
    await recordAudit(tx, actor, {
      action: "planning.absence_added",
      objectType: "user",
      objectId: owner.id,
      after: { startsOn: input.startsOn, endsOn: input.endsOn, note: input.note },
    });
    return { id: row!.id };
  });
}

export function deleteAbsence(caller: Caller, input: { id: string }, actor: AuditActor): Promise<ServiceResult<null>> {
  return refusableTransaction(async (tx) => {
    const [absence] = await tx.select().from(technicianAbsences).where(eq(technicianAbsences.id, input.id)).for("update");
    if (!absence) refuse({ kind: "not_found" });
    const owner = await lockPlanningOwner(tx, caller, absence.userId);
    await tx.delete(technicianAbsences).where(eq(technicianAbsences.id, absence.id));
    await recordAudit(tx, actor, {
      action: "planning.absence_deleted",
      objectType: "user",
      objectId: owner.id,
      before: { startsOn: absence.startsOn, endsOn: absence.endsOn, note: absence.note },
    });
    return null;
  });
}

/** One half-day of the default week: a school, or free (the slot removed). */
export function setScheduleSlot(caller: Caller, input: ScheduleSlotInput, actor: AuditActor): Promise<ServiceResult<null>> {
  return refusableTransaction(async (tx) => {
    const owner = await lockPlanningOwner(tx, caller, input.technicianId);
    const establishmentId = await schoolId(tx, input.uai);
    const slot = and(
      eq(visitSchedule.technicianId, owner.id),
      eq(visitSchedule.weekday, input.weekday),
      eq(visitSchedule.halfDay, input.halfDay),
    );
    const before = await scheduleSlotSchool(tx, { technicianId: owner.id, weekday: input.weekday, halfDay: input.halfDay });
    if (establishmentId === null) await tx.delete(visitSchedule).where(slot);
    else {
      await tx
        .insert(visitSchedule)
        .values({ technicianId: owner.id, weekday: input.weekday, halfDay: input.halfDay, establishmentId })
        .onConflictDoUpdate({
          target: [visitSchedule.technicianId, visitSchedule.weekday, visitSchedule.halfDay],
          set: { establishmentId },
        });
    }
    await recordAudit(tx, actor, {
      action: "planning.schedule_changed",
      objectType: "user",
      objectId: owner.id,
      before: { weekday: input.weekday, halfDay: input.halfDay, establishmentId: before },
      after: { weekday: input.weekday, halfDay: input.halfDay, establishmentId },
    });
    return null;
  });
}

/** One half-day on one date, unlike the default week: another school, or no visit. */
export function setVisitException(caller: Caller, input: VisitExceptionInput, now: Date, actor: AuditActor): Promise<ServiceResult<null>> {
  return refusableTransaction(async (tx) => {
    const owner = await lockPlanningOwner(tx, caller, input.technicianId);
    const establishmentId = await schoolId(tx, input.uai);
    await tx
      .insert(visitExceptions)
      .values({
        technicianId: owner.id,
        onDate: input.onDate,
        halfDay: input.halfDay,
        establishmentId,
        createdAt: now,
        createdById: caller.id,
      })
      .onConflictDoUpdate({
        target: [visitExceptions.technicianId, visitExceptions.onDate, visitExceptions.halfDay],
        set: { establishmentId, createdAt: now, createdById: caller.id },
      });
    await recordAudit(tx, actor, {
      action: "planning.exception_set",
      objectType: "user",
      objectId: owner.id,
      after: { onDate: input.onDate, halfDay: input.halfDay, establishmentId },
    });
    return null;
  });
}
