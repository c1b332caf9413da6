import { z } from "zod";
import { CAMPAIGN_LINE_KINDS, CAMPAIGN_PHASES, CAMPAIGN_PRIORITIES, CAMPAIGN_REQUEST_STATUSES } from "@/lib/domain/campaigns";
import { isDay } from "@/lib/domain/dashboard-period";
import { CI_CLASSES } from "@/lib/domain/vocabulary";

/** The yearly equipment campaign (issue 17): what POST /api/v1/campaigns and the questionnaire's forms accept; messages are catalogue keys. */
const day = z.string({ error: "campaigns.errors.date" }).trim().refine(isDay, "campaigns.errors.date").meta({ example: "2027-02-01" });
const range = z.object({ from: day, to: day }, { error: "campaigns.errors.range" });

export const campaignYear = z.coerce
  .number({ error: "campaigns.errors.year" })
  .int("campaigns.errors.year")
  .min(2000, "campaigns.errors.year")
  .max(2100, "campaigns.errors.year");

export const catalogueItemSchema = z.object({
  code: z
    .string({ error: "campaigns.errors.code" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9_-]{0,29}$/, "campaigns.errors.code")
    .meta({ example: "PC-MULTIMEDIA" }),
  label: z.string({ error: "campaigns.errors.label" }).trim().min(1, "campaigns.errors.label").max(120, "campaigns.errors.label"),
  class: z.enum(CI_CLASSES, { error: "campaigns.errors.class" }),
  model: z.string({ error: "campaigns.errors.model" }).trim().min(1, "campaigns.errors.model").max(120, "campaigns.errors.model"),
  unitCost: z
    .number({ error: "campaigns.errors.unitCost" })
    .int("campaigns.errors.unitCost")
    .min(0, "campaigns.errors.unitCost")
    .max(1_000_000, "campaigns.errors.unitCost")
    .meta({ description: "Coût unitaire indicatif, en euros" }),
});

export const createCampaignSchema = z.object({
  year: campaignYear,
  phases: z.object(
    Object.fromEntries(CAMPAIGN_PHASES.map((phase) => [phase, range])) as Record<(typeof CAMPAIGN_PHASES)[number], typeof range>,
    { error: "campaigns.errors.phases" },
  ),
  catalogue: z.array(catalogueItemSchema, { error: "campaigns.errors.catalogue" }).min(1, "campaigns.errors.catalogue").max(100),
  envelopes: z
    .record(z.string().trim().toUpperCase(), z.number().int("campaigns.errors.envelope").min(0, "campaigns.errors.envelope"), {
      error: "campaigns.errors.envelopes",
    })
    .meta({ description: "Enveloppe budgétaire par code de zone, en euros" }),
  pupilsPerWorkstation: z
    .number({ error: "campaigns.errors.ratio" })
    .int("campaigns.errors.ratio")
    .min(1, "campaigns.errors.ratio")
    .max(100, "campaigns.errors.ratio")
    .default(4)
    .meta({ description: "Besoin théorique : un poste pour ce nombre d'élèves" }),
  criteria: z.array(z.string().trim().min(1).max(200)).max(20).default([]).meta({ description: "Critères d'équité annoncés" }),
});
export type CreateCampaignInput = z.infer<typeof createCampaignSchema>;

export const requestLineSchema = z.object({
  room: z
    .string()
    .trim()
    .max(60, "campaigns.errors.room")
    .nullish()
    .transform((value) => (value ? value : null)),
  code: z.string({ error: "campaigns.errors.lineCode" }).trim().toUpperCase().min(1, "campaigns.errors.lineCode"),
  quantity: z.coerce
    .number({ error: "campaigns.errors.quantity" })
    .int("campaigns.errors.quantity")
    .min(1, "campaigns.errors.quantity")
    .max(500, "campaigns.errors.quantity"),
  kind: z.enum(CAMPAIGN_LINE_KINDS, { error: "campaigns.errors.kind" }),
  justification: z
    .string({ error: "campaigns.errors.justification" })
    .trim()
    .min(1, "campaigns.errors.justification")
    .max(1000, "campaigns.errors.justificationTooLong"),
  priority: z.coerce
    .number({ error: "campaigns.errors.priority" })
    .int("campaigns.errors.priority")
    .refine((value) => (CAMPAIGN_PRIORITIES as readonly number[]).includes(value), "campaigns.errors.priority"),
});
export type RequestLineInput = z.infer<typeof requestLineSchema>;

export const saveRequestSchema = z.object({
  pupils: z
    .number({ error: "campaigns.errors.pupils" })
    .int("campaigns.errors.pupils")
    .min(0, "campaigns.errors.pupils")
    .max(20_000, "campaigns.errors.pupils")
    .nullable()
    .default(null),
  notes: z
    .string()
    .trim()
    .max(2000, "campaigns.errors.notes")
    .nullish()
    .transform((value) => (value ? value : null)),
  lines: z.array(requestLineSchema, { error: "campaigns.errors.lines" }).max(200, "campaigns.errors.tooManyLines"),
});
export type SaveRequestInput = z.infer<typeof saveRequestSchema>;

export const allocationSchema = z.object({
  lines: z
    .array(
      z.object({
        id: z.uuid({ error: "campaigns.errors.lineId" }),
        granted: z.coerce
          .number({ error: "campaigns.errors.granted" })
          .int("campaigns.errors.granted")
          .min(0, "campaigns.errors.granted")
          .max(500, "campaigns.errors.granted"),
        reason: z
          .string()
          .trim()
          .max(500, "campaigns.errors.reasonTooLong")
          .nullish()
          .transform((value) => (value ? value : null)),
      }),
      { error: "campaigns.errors.lines" },
    )
    .max(200),
});
export type AllocationInput = z.infer<typeof allocationSchema>;

export const adviceSchema = z.object({
  message: z
    .string({ error: "campaigns.errors.adviceMessage" })
    .trim()
    .min(3, "campaigns.errors.adviceMessage")
    .max(2000, "campaigns.errors.adviceMessage"),
});

/** Answers, for the OpenAPI document. */
const rangeJson = z.object({ from: z.string(), to: z.string() });
export const campaignJsonSchema = z.object({
  year: z.number().int(),
  phase: z.string().meta({ description: "upcoming, survey, analysis, allocation, delivery, between ou closed (jour de Paris)" }),
  phases: z.object({ survey: rangeJson, analysis: rangeJson, allocation: rangeJson, delivery: rangeJson }),
  catalogue: z.array(
    z.object({ code: z.string(), label: z.string(), class: z.enum(CI_CLASSES), model: z.string(), unitCost: z.number().int() }),
  ),
  envelopes: z.record(z.string(), z.number().int()),
  pupilsPerWorkstation: z.number().int(),
  criteria: z.array(z.string()),
  createdAt: z.iso.datetime(),
});
export const campaignListSchema = z.object({ items: z.array(campaignJsonSchema) });

export const requestJsonSchema = z.object({
  campaignYear: z.number().int(),
  establishment: z.object({ uai: z.string(), name: z.string(), zone: z.string() }),
  status: z.enum([...CAMPAIGN_REQUEST_STATUSES, "not_started"]),
  pupils: z.number().int().nullable(),
  notes: z.string().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  approvedAt: z.iso.datetime().nullable(),
  allocatedAt: z.iso.datetime().nullable(),
  adviceTicket: z.string().nullable().meta({ description: "Référence du ticket adressé au technicien référent" }),
  lines: z.array(
    z.object({
      id: z.uuid(),
      room: z.string().nullable(),
      code: z.string(),
      quantity: z.number().int(),
      kind: z.enum(CAMPAIGN_LINE_KINDS),
      justification: z.string(),
      priority: z.number().int(),
      granted: z.number().int().nullable().meta({ description: "Quantité accordée, visible de l'établissement à la notification" }),
      reason: z.string().nullable(),
    }),
  ),
  inventory: z
    .object({
      renewalCandidates: z.array(z.object({ room: z.string().nullable(), class: z.string(), count: z.number().int() })),
      mixedRooms: z.array(z.object({ building: z.string().nullable(), room: z.string(), classes: z.array(z.string()) })),
      counts: z.array(z.object({ class: z.string(), count: z.number().int() })),
      history: z.array(z.object({ year: z.number().int(), code: z.string(), label: z.string(), granted: z.number().int() })),
    })
    .meta({
      description:
        "Ce que l'inventaire pré-remplit : candidats au renouvellement par salle, salles hétérogènes, effectifs par classe, dotations passées",
    }),
});
