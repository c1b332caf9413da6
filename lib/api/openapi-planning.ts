import { z } from "zod";
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject } from "zod-openapi";
import { setReferentsSchema } from "@/lib/schemas/planning";
import { planningResponseSchema, referentsResponseSchema } from "./planning-json";

type Helpers = {
  json: <T extends z.ZodType>(schema: T) => { content: { "application/json": { schema: T } } };
  problem: (description: string) => ZodOpenApiResponseObject;
  common: Record<string, ZodOpenApiResponseObject>;
};

/** Referents and the technicians' planning (issue 14): their part of the /api/v1 contract. */
export function planningPaths({ json, problem, common }: Helpers): ZodOpenApiPathsObject {
  return {
    "/establishments/{uai}/referents": {
      get: {
        summary: "Le technicien référent de l'établissement et son suppléant",
        requestParams: { path: z.object({ uai: z.string().meta({ example: "0370037P" }) }) },
        responses: {
          "200": { description: "Le référent et le suppléant (null quand aucun n'est désigné)", ...json(referentsResponseSchema) },
          "404": problem("Inconnu ou hors de votre périmètre"),
          ...common,
        },
      },
      put: {
        summary:
          "Désigner le référent et le suppléant (chef de secteur de la zone de l'établissement, ou administrateur) : techniciens actifs d'une équipe de la zone",
        requestParams: { path: z.object({ uai: z.string().meta({ example: "0370037P" }) }) },
        requestBody: json(setReferentsSchema),
        responses: {
          "200": { description: "Le référent et le suppléant enregistrés", ...json(referentsResponseSchema) },
          "400": problem("Champs invalides"),
          "403": problem("Rôle non autorisé"),
          "404": problem("Établissement inconnu ou d'une autre zone"),
          "422": problem("Le référent ou le suppléant n'est pas un technicien actif de la zone"),
          ...common,
        },
      },
    },
    "/technicians/{id}/planning": {
      get: {
        summary:
          "La semaine d'un technicien (ISO) : visites de la semaine type et des exceptions, absences, demandes planifiées à chaque visite (le technicien, le chef de secteur de sa zone, un administrateur)",
        requestParams: { path: z.object({ id: z.uuid() }), query: z.object({ week: z.string().meta({ example: "2026-W50" }) }) },
        responses: {
          "200": { description: "La semaine", ...json(planningResponseSchema) },
          "400": problem("Semaine mal formée (attendu : 2026-W50)"),
          "403": problem("Rôle non autorisé"),
          "404": problem("Technicien inconnu ou hors de votre périmètre"),
          ...common,
        },
      },
    },
  };
}
