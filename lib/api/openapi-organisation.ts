import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { createEstablishmentSchema, createTeamSchema, patchEstablishmentSchema, patchTeamSchema } from "@/lib/schemas/organisation";
import { establishmentPageSchema } from "@/lib/schemas/api-responses";
import { establishmentSchema, teamPageSchema, teamSchema } from "@/lib/schemas/organisation-responses";
import type { OpenApiHelpers } from "./openapi-cis";

const uai = z.object({ uai: z.string().meta({ example: "0370037P" }) });
const code = z.object({ code: z.string().meta({ example: "PROX-OUEST" }) });

/** Schools and teams: their part of the /api/v1 contract. */
export function organisationPaths({ json, problem, common }: OpenApiHelpers): ZodOpenApiPathsObject {
  const adminOnly = problem("Réservé aux administrateurs");
  return {
    "/establishments": {
      get: {
        summary: "Établissements visibles, par nom (pagination par curseur) : tous pour la Région, les siens pour un établissement",
        requestParams: {
          query: z.object({
            zone: z.string().optional().meta({ description: "Code de zone", example: "OUEST" }),
            q: z.string().optional().meta({ description: "Une partie du nom, de la ville ou de l'UAI" }),
            cursor: z.string().optional(),
            limit: z.string().optional().meta({ description: "1 à 100 ; 50 par défaut" }),
          }),
        },
        responses: {
          "200": { description: "Une page", ...json(establishmentPageSchema) },
          "400": problem("Filtre invalide"),
          "403": problem("Rôle sans accès aux établissements"),
          ...common,
        },
      },
      post: {
        summary: "Créer un établissement (UAI avec sa lettre de contrôle) et sa file ETAB-<UAI>",
        requestBody: json(createEstablishmentSchema),
        responses: {
          "201": { description: "Établissement créé", ...json(establishmentSchema) },
          "400": problem("Champs invalides ou zone inconnue"),
          "403": adminOnly,
          "409": problem("UAI déjà connu"),
          ...common,
        },
      },
    },
    "/establishments/{uai}": {
      get: {
        summary:
          "Un établissement : mode de support et salles dans un autre mode, intégration (RDV1 à RDV4), contacts par fonction, chef de secteur, dernière modification",
        requestParams: { path: uai },
        responses: {
          "200": { description: "L'établissement", ...json(establishmentSchema) },
          "404": problem("Inconnu ou hors de votre périmètre"),
          ...common,
        },
      },
      patch: {
        summary:
          "Modifier un établissement ; un changement de mode de support ou de salles recalcule les échéances des tickets ouverts. `rooms` remplace la liste des salles",
        requestParams: { path: uai },
        requestBody: json(patchEstablishmentSchema),
        responses: {
          "200": { description: "L'établissement modifié", ...json(establishmentSchema) },
          "400": problem("Champs invalides ou zone inconnue"),
          "403": adminOnly,
          "404": problem("Établissement inconnu"),
          ...common,
        },
      },
    },
    "/establishments/{uai}/documents/{id}": {
      get: {
        summary:
          "Un document de l'intégration d'un établissement (RDV1 à RDV4), téléchargé (administrateurs, responsable du service, chef de secteur de la zone)",
        requestParams: { path: uai.extend({ id: z.uuid() }) },
        responses: {
          "200": {
            description: "Le fichier, avec le type détecté à son dépôt",
            content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }) } },
          },
          "404": problem("Inconnu ou hors de votre périmètre"),
          ...common,
        },
      },
    },
    "/teams": {
      get: {
        summary:
          "Équipes de la Région, de l'Académie et des prestataires, avec leurs membres, par code (pagination par curseur ; files des établissements exclues)",
        requestParams: {
          query: z.object({
            q: z.string().optional().meta({ description: "Une partie du code ou du nom", example: "PROX" }),
            cursor: z.string().optional(),
            limit: z.string().optional().meta({ description: "1 à 100 ; 50 par défaut" }),
          }),
        },
        responses: {
          "200": { description: "Une page", ...json(teamPageSchema) },
          "400": problem("Filtre invalide"),
          "403": problem("Réservé aux équipes de support"),
          ...common,
        },
      },
      post: {
        summary: "Créer une équipe ; membres désignés par l'adresse de leur compte, `primary` en fait leur équipe principale",
        requestBody: json(createTeamSchema),
        responses: {
          "201": { description: "Équipe créée", ...json(teamSchema) },
          "400": problem("Champs invalides ou zone inconnue"),
          "403": adminOnly,
          "409": problem("Code déjà pris"),
          "422": problem("Compte inconnu ou désactivé parmi les membres"),
          ...common,
        },
      },
    },
    "/teams/{code}": {
      patch: {
        summary:
          "Modifier une équipe ; `members`, s'il est fourni, est la liste complète (adresses des comptes, `primary` : équipe principale)",
        requestParams: { path: code },
        requestBody: json(patchTeamSchema),
        responses: {
          "200": { description: "L'équipe modifiée", ...json(teamSchema) },
          "400": problem("Champs invalides ou zone inconnue"),
          "403": adminOnly,
          "404": problem("Équipe inconnue (les files des établissements suivent leur établissement)"),
          "422": problem("Compte inconnu ou désactivé parmi les membres"),
          ...common,
        },
      },
    },
  };
}
