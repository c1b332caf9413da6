import { z } from "zod";
import { INTERVENTION_MODES, MAX_INTERVENTION_MINUTES } from "@/lib/domain/interventions";
import { parisLocalTime } from "./paris-time";
import { asList, blankToUndefined, ticketReference } from "./primitives";

/** An intervention as POST /api/v1/tickets/{reference}/interventions takes it; messages are catalogue keys. */

const mode = z.enum(INTERVENTION_MODES, { error: "interventions.errors.mode" });
const minutes = z
  .number({ error: "interventions.errors.minutes" })
  .int("interventions.errors.minutes")
  .min(1, "interventions.errors.minutes")
  .max(MAX_INTERVENTION_MINUTES, "interventions.errors.minutes");
const travelMinutes = z
  .number({ error: "interventions.errors.travelMinutes" })
  .int("interventions.errors.travelMinutes")
  .min(0, "interventions.errors.travelMinutes")
  .max(MAX_INTERVENTION_MINUTES, "interventions.errors.travelMinutes");
const summary = z
  .string({ error: "interventions.errors.summary" })
  .trim()
  .min(1, "interventions.errors.summary")
  .max(2_000, "interventions.errors.summaryTooLong");
const details = z.string().trim().max(10_000, "interventions.errors.detailsTooLong");
const ciIds = z.array(z.uuid({ error: "interventions.errors.ci" })).max(20, "interventions.errors.tooManyCis");

export const recordInterventionSchema = z.object({
  mode,
  startedAt: z.iso.datetime({ offset: true, error: "interventions.errors.startedAt" }).transform((value) => new Date(value)),
  minutes,
  travelMinutes: travelMinutes.default(0),
  summary,
  details: details.optional().transform((value) => value || undefined),
  ciIds: ciIds.default([]),
});

/** The desk's "Enregistrer une intervention" form: the same fields, as a form posts them. */
export const recordInterventionForm = z.object({
  reference: ticketReference,
  mode,
  startedAt: parisLocalTime("interventions.errors.startedAt"),
  minutes: z.preprocess(blankToUndefined, z.coerce.number({ error: "interventions.errors.minutes" }).pipe(minutes)),
  travelMinutes: z.preprocess(
    (value) => blankToUndefined(value) ?? 0,
    z.coerce.number({ error: "interventions.errors.travelMinutes" }).pipe(travelMinutes),
  ),
  summary,
  details: z.preprocess(blankToUndefined, details.optional()),
  ciIds: z.preprocess(asList, ciIds),
});
