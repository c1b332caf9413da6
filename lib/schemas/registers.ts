import { z } from "zod";
import { checkedUai } from "./primitives";

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

/** The head's review of a delegation: keep it (no longer "à revoir") or end it today; `uai`, the page to refresh. */
export const reviewDelegationSchema = z.object({ delegationId: z.uuid(), outcome: z.enum(["keep", "end"]), uai: checkedUai });
export type ReviewDelegationInput = z.infer<typeof reviewDelegationSchema>;
