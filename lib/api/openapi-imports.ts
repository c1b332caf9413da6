import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from "zod-openapi";
import { importQuery } from "@/lib/schemas/csv-import";
import { accountImportResultSchema } from "@/lib/schemas/import-result";
import type { OpenApiHelpers } from "./openapi-cis";

/** A CSV import (see csvImportRoute): the file in multipart/form-data, a dry run by default. */
export function csvImportOperation(
  { json, problem, common }: OpenApiHelpers,
  summary: string,
  result: z.ZodType,
  forbidden: string,
): ZodOpenApiOperationObject {
  return {
    summary,
    requestParams: { query: importQuery },
    requestBody: { content: { "multipart/form-data": { schema: z.object({ file: z.string().meta({ format: "binary" }) }) } } },
    responses: {
      "200": { description: "Ce qui est (ou serait) créé, mis à jour, inchangé ou refusé", ...json(result) },
      "400": problem("Fichier manquant, vide, illisible ou sans les colonnes obligatoires"),
      "403": problem(forbidden),
      ...common,
    },
  };
}

/** The accounts import's part of the /api/v1 contract. */
export function accountImportPaths(helpers: OpenApiHelpers): ZodOpenApiPathsObject {
  return {
    "/users/import": {
      post: csvImportOperation(
        helpers,
        "Importer des comptes d'un annuaire ou de l'ENT (CSV : e-mail, nom, prénom, UAI, fonction ; UTF-8 ou Windows-1252, « ; » ou « , ») : essai à blanc par défaut, ligne par ligne. " +
          "Comptes reconnus par e-mail ; chaque compte créé reçoit une invitation à choisir son mot de passe (les comptes existants ne sont pas invités à nouveau) ; une fonction « DIR » (table OIDC_FUNCTION_MAP) ouvre un compte de chef d'établissement.",
        accountImportResultSchema,
        "Réservé aux administrateurs, et aux chefs d'établissement pour leurs établissements",
      ),
    },
  };
}
