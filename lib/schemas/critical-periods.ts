import { z } from "zod";
import { CRITICAL_PERIOD_KINDS } from "@/lib/domain/critical-periods";
import { isDay } from "@/lib/domain/dashboard-period";
import { PRIORITIES } from "@/lib/domain/vocabulary";
import { checkedUai } from "./primitives";

/** A critical period the Région declares (the admin form and POST /api/v1/critical-periods); messages are catalogue keys. */
const day = z.string({ error: "criticalPeriods.errors.date" }).trim().refine(isDay, "criticalPeriods.errors.date");

export const createCriticalPeriodSchema = z
  .object({
    name: z
      .string({ error: "criticalPeriods.errors.name" })
      .trim()
      .min(1, "criticalPeriods.errors.name")
      .max(120, "criticalPeriods.errors.nameTooLong"),
    kind: z.enum(CRITICAL_PERIOD_KINDS, { error: "criticalPeriods.errors.kind" }),
    startsOn: day.meta({ description: "Premier jour (AAAA-MM-JJ, heure de Paris)", example: "2027-06-14" }),
    endsOn: day.meta({ description: "Dernier jour inclus", example: "2027-06-25" }),
    priorityFloor: z
      .enum(PRIORITIES, { error: "criticalPeriods.errors.priority" })
      .default("P2")
      .meta({ description: "Priorité plancher des incidents des établissements concernés (P2 par défaut)" }),
    /** Absent or empty: every school. */
    establishments: z.array(checkedUai).max(500).default([]).meta({ description: "UAI des établissements concernés ; vide : tous" }),
  })
  .refine((value) => value.endsOn >= value.startsOn, { path: ["endsOn"], message: "criticalPeriods.errors.endBeforeStart" });
export type CreateCriticalPeriodInput = z.infer<typeof createCriticalPeriodSchema>;

export const criticalPeriodSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(CRITICAL_PERIOD_KINDS),
  startsOn: z.string().meta({ example: "2027-06-14" }),
  endsOn: z.string().meta({ example: "2027-06-25" }),
  priorityFloor: z.enum(PRIORITIES),
  allEstablishments: z.boolean(),
  establishments: z
    .array(z.string())
    .meta({ description: "UAI des établissements concernés quand la période ne vise pas tous les établissements" }),
  createdAt: z.iso.datetime(),
});
export const criticalPeriodListSchema = z.object({ items: z.array(criticalPeriodSchema) });
