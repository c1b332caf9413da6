import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from "@/lib/domain/audit";
import { auditPageSchema } from "@/lib/schemas/audit";
import type { OpenApiHelpers } from "./openapi-cis";

const query = z.object({
  who: z.string().optional().meta({ description: "Une partie de l'e-mail de la personne" }),
  action: z.enum(AUDIT_ACTIONS).optional(),
  objectType: z.enum(AUDIT_OBJECT_TYPES).optional(),
  objectId: z.string().optional(),
  from: z.iso.date().optional().meta({ description: "Premier jour (heure de Paris), inclus" }),
  to: z.iso.date().optional().meta({ description: "Dernier jour (heure de Paris), inclus" }),
  cursor: z.string().optional(),
  limit: z.string().optional().meta({ description: "1 à 100, 50 par défaut" }),
});

/** The audit trail's part of the /api/v1 contract. */
export function auditPaths({ json, problem, common }: OpenApiHelpers): ZodOpenApiPathsObject {
  return {
    "/audit": {
      get: {
        summary: "Journal d'audit, du plus récent au plus ancien (pagination par curseur) ; administrateurs seulement",
        requestParams: { query },
        responses: {
          "200": { description: "Une page", ...json(auditPageSchema) },
          "400": problem("Filtre invalide"),
          "403": problem("Réservé aux administrateurs"),
          ...common,
        },
      },
    },
  };
}
