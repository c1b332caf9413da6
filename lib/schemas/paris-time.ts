import { DateTime } from "luxon";
import { z } from "zod";

/** A `datetime-local` value ("2026-12-04T09:30"), read as Paris time; `message` is the catalogue key of its error. */
export const parisLocalTime = (message: string) =>
  z
    .string({ error: message })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, message)
    .transform((value, context) => {
      const instant = DateTime.fromISO(value, { zone: "Europe/Paris" });
      if (!instant.isValid) {
        context.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return instant.toJSDate();
    });
