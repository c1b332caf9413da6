"use server";

import { formAction } from "@/lib/auth/form-action";
import { absenceSchema, deleteAbsenceSchema, scheduleSlotSchema, visitExceptionSchema } from "@/lib/schemas/planning";
import { addAbsence, deleteAbsence, setScheduleSlot, setVisitException } from "@/lib/services/planning/edit-planning";

/** The planning page's forms: absences, the default week and its exceptions, for oneself or (a lead) one's zone's technicians. */
const refresh = { revalidate: () => ["/bureau/planning", "/mon-etablissement", "/"] };

export const addAbsenceAction = formAction(
  absenceSchema,
  (input, caller, _form, now, actor) => addAbsence(caller, input, now, actor),
  refresh,
);
export const deleteAbsenceAction = formAction(
  deleteAbsenceSchema,
  (input, caller, _form, _now, actor) => deleteAbsence(caller, input, actor),
  refresh,
);
export const setSlotAction = formAction(
  scheduleSlotSchema,
  (input, caller, _form, _now, actor) => setScheduleSlot(caller, input, actor),
  refresh,
);
export const setExceptionAction = formAction(
  visitExceptionSchema,
  (input, caller, _form, now, actor) => setVisitException(caller, input, now, actor),
  refresh,
);
