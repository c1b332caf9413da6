import { z } from "zod";
import { HALF_DAYS, isoWeekMonday, VISIT_WEEKDAYS } from "@/lib/domain/visit-planning";
import { checkedUai } from "./primitives";

const personId = (key: string) => z.uuid({ error: key });
const date = z.iso.date({ error: "planning.errors.date" });
const halfDay = z.enum(HALF_DAYS, { error: "planning.errors.halfDay" });

/** PUT /api/v1/establishments/{uai}/referents and the school page's form: `backup` may be left out (none). */
export const setReferentsSchema = z.object({
  referent: personId("planning.errors.referentRequired"),
  backup: z.preprocess((value) => (value === "" ? null : value), personId("planning.errors.backupInvalid").nullable().optional()),
});
export type SetReferentsInput = z.infer<typeof setReferentsSchema>;

/** The school page's form also names the school. */
export const referentsFormSchema = setReferentsSchema.extend({ uai: checkedUai });

/** An ISO week, "2026-W50". */
export const isoWeekSchema = z
  .string({ error: "planning.errors.week" })
  .refine((week) => isoWeekMonday(week) !== null, { error: "planning.errors.week" });

export const planningQuerySchema = z.object({ week: isoWeekSchema });

export const absenceSchema = z
  .object({
    technicianId: personId("planning.errors.technician"),
    startsOn: date,
    endsOn: date,
    note: z
      .string()
      .trim()
      .max(200, { error: "planning.errors.noteTooLong" })
      .optional()
      .transform((note) => note || null),
  })
  .refine((absence) => absence.endsOn >= absence.startsOn, { path: ["endsOn"], error: "planning.errors.endBeforeStart" });
export type AbsenceInput = z.infer<typeof absenceSchema>;

export const deleteAbsenceSchema = z.object({ id: z.uuid({ error: "planning.errors.absence" }) });

const optionalUai = z.preprocess((value) => (value === "" ? null : value), checkedUai.nullable());

/** One half-day of a technician's default week: a school, or none (free). */
export const scheduleSlotSchema = z.object({
  technicianId: personId("planning.errors.technician"),
  weekday: z.coerce.number().pipe(
    z.union(
      VISIT_WEEKDAYS.map((day) => z.literal(day)),
      { error: "planning.errors.weekday" },
    ),
  ),
  halfDay,
  uai: optionalUai,
});
export type ScheduleSlotInput = z.infer<typeof scheduleSlotSchema>;

/** One half-day on one date: another school, or none (`uai` empty: no visit). */
export const visitExceptionSchema = z.object({
  technicianId: personId("planning.errors.technician"),
  onDate: date,
  halfDay,
  uai: optionalUai,
});
export type VisitExceptionInput = z.infer<typeof visitExceptionSchema>;

/** Planning a ticket's visit: a proposed slot ("2026-12-08|am|<technician id>") or a date and half-day chosen. */
export const planVisitSchema = z
  .object({
    reference: z.string().min(1),
    slot: z.string().optional(),
    onDate: z.preprocess((value) => (value === "" ? undefined : value), date.optional()),
    halfDay: z.preprocess((value) => (value === "" ? undefined : value), halfDay.optional()),
  })
  .transform((input, context) => {
    const [slotDate, slotHalfDay, technicianId] = (input.slot ?? "").split("|");
    const fromSlot =
      slotDate && slotHalfDay && technicianId && input.slot !== "other" ? { onDate: slotDate, halfDay: slotHalfDay, technicianId } : null;
    const chosen =
      fromSlot ?? (input.onDate && input.halfDay ? { onDate: input.onDate, halfDay: input.halfDay, technicianId: null } : null);
    const parsed = z.object({ onDate: date, halfDay, technicianId: z.uuid().nullable() }).safeParse(chosen);
    if (!parsed.success) {
      context.addIssue({ code: "custom", path: ["onDate"], message: "planning.errors.slotRequired" });
      return z.NEVER;
    }
    return { reference: input.reference, ...parsed.data };
  });
export type PlanVisitInput = z.infer<typeof planVisitSchema>;
