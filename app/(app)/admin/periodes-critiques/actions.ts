"use server";

import { formAction } from "@/lib/auth/form-action";
import { createCriticalPeriodSchema } from "@/lib/schemas/critical-periods";
import { createCriticalPeriod } from "@/lib/services/critical-periods/create-critical-period";

/** The admin form: the schools' UAIs come as one text field (commas or spaces); empty means every school. */
export const createCriticalPeriodAction = formAction(
  createCriticalPeriodSchema,
  async (input, caller, _form, _now, actor) => createCriticalPeriod(caller, input, actor),
  {
    read: (_form, values) => ({
      ...values,
      establishments: String(values.establishments ?? "")
        .split(/[\s,;]+/)
        .filter(Boolean),
    }),
    revalidate: () => ["/admin/periodes-critiques"],
  },
);
