import { z } from "zod";
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject } from "zod-openapi";
import { createCiSchema, listCisQuery, patchCiSchema } from "@/lib/schemas/cis";
import { ciImportResultSchema, ciPageSchema, ciSchema } from "@/lib/schemas/ci-responses";
import { csvImportOperation } from "./openapi-imports";

export type OpenApiHelpers = {
  json: <T extends z.ZodType>(schema: T) => { content: { "application/json": { schema: T } } };
  problem: (description: string) => ZodOpenApiResponseObject;
  common: Record<string, ZodOpenApiResponseObject>;
};

const id = z.object({ id: z.uuid().meta({ description: "Identifiant de l'équipement" }) });

/** The CMDB's part of the /api/v1 contract. */
export function ciPaths({ json, problem, common }: OpenApiHelpers): ZodOpenApiPathsObject {
  return {
    "/cis": {
      get: {
        summary: "Équipements visibles, par nom (pagination par curseur) ; les établissements voient les leurs",
        requestParams: { query: listCisQuery },
        responses: { "200": { description: "Une page", ...json(ciPageSchema) }, "400": problem("Filtre invalide"), ...common },
      },
      post: {
        summary: "Inventorier un équipement",
        requestBody: json(createCiSchema),
        responses: {
          "201": { description: "Équipement créé", ...json(ciSchema) },
          "400": problem("Champs invalides, dont les champs propres à la classe"),
          "403": problem("Établissement hors de votre périmètre"),
          "409": problem("Nom ou numéro de série déjà inventorié"),
          "422": problem("UAI, prestataire ou lien montant impossible (boucle, classe, autre établissement)"),
          ...common,
        },
      },
    },
    "/cis/{id}": {
      get: {
        summary: "Un équipement",
        requestParams: { path: id },
        responses: { "200": { description: "L'équipement", ...json(ciSchema) }, "404": problem("Introuvable ou non visible"), ...common },
      },
      patch: {
        summary: "Modifier un équipement (historisé) ; attributes fusionnés, null pour en retirer un",
        requestParams: { path: id },
        requestBody: json(patchCiSchema),
        responses: {
          "200": { description: "L'équipement modifié", ...json(ciSchema) },
          "400": problem("Champs invalides"),
          "403": problem("Établissement hors de votre périmètre"),
          "404": problem("Introuvable ou non visible"),
          "409": problem("Nom ou numéro de série déjà pris"),
          "422": problem("Lien montant impossible (boucle…)"),
          ...common,
        },
      },
    },
    "/cis/import": {
      post: csvImportOperation(
        { json, problem, common },
        "Importer un CSV d'inventaire (UTF-8 ou Windows-1252, « ; » ou « , ») : essai à blanc par défaut, ligne par ligne",
        ciImportResultSchema,
        "Réservé aux équipes qui tiennent l'inventaire",
      ),
    },
    "/cis/export": {
      get: {
        summary: "La liste filtrée en CSV (colonnes de l'import, puis le cycle de vie calculé)",
        requestParams: { query: listCisQuery },
        responses: {
          "200": { description: "Le fichier", content: { "text/csv": { schema: z.string() } } },
          "400": problem("Filtre invalide"),
          ...common,
        },
      },
    },
  };
}
