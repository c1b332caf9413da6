import type { z } from "zod";
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject } from "zod-openapi";
import { createCriticalPeriodSchema, criticalPeriodListSchema, criticalPeriodSchema } from "@/lib/schemas/critical-periods";

type Helpers = {
  json: <T extends z.ZodType>(schema: T) => { content: { "application/json": { schema: T } } };
  problem: (description: string) => ZodOpenApiResponseObject;
  common: Record<string, ZodOpenApiResponseObject>;
};

/** Critical periods (exams): their part of the /api/v1 contract. */
export function criticalPeriodPaths({ json, problem, common }: Helpers): ZodOpenApiPathsObject {
  const forbidden = problem("Réservé aux administrateurs et au chef de service");
  return {
    "/critical-periods": {
      get: {
        summary: "Les périodes critiques déclarées (examens), la plus récente d'abord",
        responses: { "200": { description: "Les périodes", ...json(criticalPeriodListSchema) }, "403": forbidden, ...common },
      },
      post: {
        summary:
          "Déclarer une période critique : pendant ses dates (heure de Paris), les incidents des établissements concernés reçoivent au moins la priorité plancher (P2 par défaut)",
        requestBody: json(createCriticalPeriodSchema),
        responses: {
          "201": { description: "Période déclarée", ...json(criticalPeriodSchema) },
          "400": problem("Champs invalides (dernier jour avant le premier, UAI inconnu…)"),
          "403": forbidden,
          ...common,
        },
      },
    },
  };
}
