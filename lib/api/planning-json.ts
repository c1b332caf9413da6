import { z } from "zod";
import type { SchoolReferentsView, TechnicianWeek } from "@/lib/presentation/planning-views";

const person = z.object({ id: z.uuid(), name: z.string() });

export const referentsResponseSchema = z.object({ uai: z.string(), referent: person.nullable(), backup: person.nullable() });

const school = z.object({ uai: z.string(), name: z.string() });
export const planningResponseSchema = z.object({
  technician: person,
  week: z.string().meta({ example: "2026-W50" }),
  days: z.array(
    z.object({
      date: z.iso.date(),
      absent: z.boolean(),
      halfDays: z.array(
        z.object({
          halfDay: z.enum(["am", "pm"]),
          school: school.nullable(),
          tickets: z.array(z.object({ reference: z.string(), title: z.string() })),
        }),
      ),
    }),
  ),
  absences: z.array(z.object({ startsOn: z.iso.date(), endsOn: z.iso.date() })),
  defaultWeek: z.array(z.object({ weekday: z.number().int(), halfDay: z.enum(["am", "pm"]), school: school.nullable() })),
});

export const referentsJson = (view: SchoolReferentsView): z.infer<typeof referentsResponseSchema> => view;

/** The week as the API gives it; absence notes stay in the app (they may be personal). */
export function planningJson(week: TechnicianWeek): z.infer<typeof planningResponseSchema> {
  return {
    technician: week.technician,
    week: week.week,
    days: week.days.map((day) => ({
      date: day.date,
      absent: day.absent,
      halfDays: day.halfDays.map(({ halfDay, school, tickets }) => ({ halfDay, school, tickets })),
    })),
    absences: week.absences.map(({ startsOn, endsOn }) => ({ startsOn, endsOn })),
    defaultWeek: week.schedule,
  };
}
