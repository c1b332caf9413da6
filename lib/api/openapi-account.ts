import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { meSchema } from "@/lib/schemas/api-responses";
import type { OpenApiHelpers } from "./openapi-cis";

/** The caller, the files of its tickets, and this document: their part of the /api/v1 contract. */
export function accountPaths({ json, problem, common }: OpenApiHelpers): ZodOpenApiPathsObject {
  return {
    "/me": {
      get: {
        summary: "Le titulaire du jeton ou de la session, et les entrées du menu que son rôle lui offre",
        responses: { "200": { description: "Le compte", ...json(meSchema) }, ...common },
      },
    },
    "/attachments/{id}": {
      get: {
        summary: "Une pièce jointe, à qui peut voir son ticket (sinon 404, comme un identifiant inconnu)",
        requestParams: {
          path: z.object({ id: z.uuid().meta({ description: "Identifiant de la pièce jointe" }) }),
          query: z.object({
            inline: z
              .enum(["1"])
              .optional()
              .meta({ description: "1 : afficher une image ou un PDF dans le navigateur au lieu de le télécharger" }),
          }),
        },
        responses: {
          "200": {
            description: "Le fichier, avec le type détecté à son dépôt (Content-Disposition porte son nom)",
            content: { "*/*": { schema: z.string().meta({ format: "binary" }) } },
          },
          "404": problem("Introuvable ou non visible"),
          ...common,
        },
      },
    },
    "/openapi.json": {
      get: {
        summary: "Ce document",
        security: [],
        responses: { "200": { description: "Le document OpenAPI 3.1 de /api/v1", ...json(z.record(z.string(), z.unknown())) } },
      },
    },
  };
}
