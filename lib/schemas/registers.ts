import { z } from "zod";

/** The renewal form: the filtering exception to renew. */
export const renewFilteringSchema = z.object({ exceptionId: z.uuid() });

/** The Région's registers page and its CSV: one school (by UAI) or all, everything or only what is in force. */
export const registersPageQuery = z.object({
  uai: z.preprocess(
    (value) => (typeof value === "string" && value.trim() ? value.trim().toUpperCase() : undefined),
    z.string().max(8).optional(),
  ),
  inForce: z.enum(["1"]).optional(),
});
