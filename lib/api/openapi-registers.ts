import { z } from "zod";
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject } from "zod-openapi";
import { delegationRegisterSchema, filteringRegisterSchema, registerQuerySchema } from "./register-json";

type Helpers = {
  json: <T extends z.ZodType>(schema: T) => { content: { "application/json": { schema: T } } };
  problem: (description: string) => ZodOpenApiResponseObject;
  common: Record<string, ZodOpenApiResponseObject>;
};

const params = {
  path: z.object({ uai: z.string().meta({ example: "0370037P" }) }),
  query: registerQuerySchema.extend({
    inForce: registerQuerySchema.shape.inForce.meta({ description: "« true » : seulement les entrées en vigueur aujourd'hui" }),
  }),
};

/** The registers a school keeps (issue 15): their part of the /api/v1 contract. */
export function registerPaths({ json, problem, common }: Helpers): ZodOpenApiPathsObject {
  const errors = {
    "400": problem("Paramètre inForce invalide (true ou false)"),
    "403": problem("Vous voyez l'établissement mais pas ses registres"),
    "404": problem("Établissement inconnu ou hors de votre périmètre"),
    ...common,
  };
  return {
    "/establishments/{uai}/registers/filtering": {
      get: {
        summary:
          "Les exceptions au filtrage de l'établissement (personnels de l'établissement, équipe sécurité, Région) : site, autoriser ou interdire, du, au, état, validation, demande",
        requestParams: params,
        responses: { "200": { description: "Le registre des exceptions au filtrage", ...json(filteringRegisterSchema) }, ...errors },
      },
    },
    "/establishments/{uai}/registers/delegations": {
      get: {
        summary:
          "Les délégations de droits d'administration de l'établissement : personne, salles ou équipements, actions, du, au, état, revue (« à revoir » et pourquoi)",
        requestParams: params,
        responses: { "200": { description: "Le registre des délégations", ...json(delegationRegisterSchema) }, ...errors },
      },
    },
  };
}
