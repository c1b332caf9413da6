import { z } from "zod";
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject } from "zod-openapi";
import { INTERVENTION_MODES } from "@/lib/domain/interventions";
import { recordInterventionSchema } from "@/lib/schemas/interventions";

type Helpers = {
  json: <T extends z.ZodType>(schema: T) => { content: { "application/json": { schema: T } } };
  problem: (description: string) => ZodOpenApiResponseObject;
  common: Record<string, ZodOpenApiResponseObject>;
};

const reference = z.object({ reference: z.string().meta({ description: "Référence du ticket", example: "GU-2026-000123" }) });

const interventionSchema = z
  .object({
    id: z.uuid(),
    mode: z.enum(INTERVENTION_MODES),
    startedAt: z.iso.datetime(),
    minutes: z.number().int().meta({ description: "Durée de l'intervention, en minutes" }),
    travelMinutes: z.number().int().meta({ description: "Temps de déplacement, en minutes" }),
    summary: z.string().meta({ description: "Ce qui a été fait, lu par l'établissement" }),
    details: z
      .string()
      .optional()
      .meta({ description: "Détails pour les équipes : absent pour l'établissement et pour qui ne lit pas le contenu interne" }),
    author: z.object({ name: z.string() }),
    vendor: z.string().nullable().meta({ description: "Le prestataire, pour son intervention" }),
    cis: z.array(z.object({ id: z.uuid(), name: z.string() })),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Intervention" });

const listSchema = z.object({
  items: z.array(interventionSchema),
  total: z
    .object({
      minutes: z.number().int(),
      travelMinutes: z.number().int(),
      count: z.number().int(),
      onSite: z.number().int().meta({ description: "Interventions sur site" }),
    })
    .meta({ description: "Le temps passé sur le ticket" }),
});

/** A ticket's interventions in the /api/v1 contract (issue 14). */
export function interventionPaths({ json, problem, common }: Helpers): ZodOpenApiPathsObject {
  return {
    "/tickets/{reference}/interventions": {
      get: {
        summary: "Interventions du ticket et temps passé ; l'établissement lit les résumés seulement",
        requestParams: { path: reference },
        responses: {
          "200": { description: "Les interventions, de la plus ancienne à la plus récente", ...json(listSchema) },
          "404": problem("Ticket inconnu ou hors de votre périmètre"),
          ...common,
        },
      },
      post: {
        summary: "Enregistrer une intervention (technicien, ou prestataire sur un ticket qui lui est transmis)",
        requestParams: { path: reference },
        requestBody: json(recordInterventionSchema),
        responses: {
          "201": { description: "Intervention enregistrée", ...json(interventionSchema) },
          "400": problem("Champs invalides (durée de 1 à 1440 minutes, déplacement de 0 à 1440, début dans le futur, résumé vide)"),
          "403": problem("Réservé aux équipes qui traitent le ticket et au prestataire pendant son intervention"),
          "404": problem("Ticket inconnu ou hors de votre périmètre"),
          "409": problem("Demande annulée"),
          "422": problem("Un équipement n'appartient pas à l'inventaire de l'établissement"),
          ...common,
        },
      },
    },
  };
}
