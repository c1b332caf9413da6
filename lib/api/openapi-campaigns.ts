import { z } from "zod";
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject } from "zod-openapi";
import {
  allocationSchema,
  campaignJsonSchema,
  campaignListSchema,
  createCampaignSchema,
  requestJsonSchema,
  saveRequestSchema,
} from "@/lib/schemas/campaigns";

type Helpers = {
  json: <T extends z.ZodType>(schema: T) => { content: { "application/json": { schema: T } } };
  problem: (description: string) => ZodOpenApiResponseObject;
  common: Record<string, ZodOpenApiResponseObject>;
};

const year = z.string().meta({ example: "2027" });
const schoolParams = { path: z.object({ year, uai: z.string().meta({ example: "0370037P" }) }) };

/** The yearly equipment campaign (issue 17): its part of the /api/v1 contract. */
export function campaignPaths({ json, problem, common }: Helpers): ZodOpenApiPathsObject {
  const hidden = problem("Campagne ou établissement inconnu, ou établissement hors de votre périmètre");
  return {
    "/campaigns": {
      get: {
        summary: "Les campagnes de dotation, la plus récente d'abord : phases, catalogue, enveloppes par zone",
        responses: {
          "200": { description: "Les campagnes", ...json(campaignListSchema) },
          "403": problem("Réservé aux établissements et au personnel de la Région et de l'Académie"),
          ...common,
        },
      },
      post: {
        summary:
          "Ouvrir la campagne d'une année (chef de service, administrateurs) : phases (jours de Paris), catalogue, enveloppes par code de zone",
        requestBody: json(createCampaignSchema),
        responses: {
          "201": { description: "Campagne ouverte", ...json(campaignJsonSchema) },
          "400": problem("Champs invalides"),
          "403": problem("Réservé au chef de service et aux administrateurs"),
          "409": problem("Une campagne existe déjà pour cette année"),
          "422": problem("Phases dans le désordre, zone inconnue, code répété au catalogue"),
          ...common,
        },
      },
    },
    "/campaigns/{year}": {
      get: {
        summary: "La campagne d'une année",
        requestParams: { path: z.object({ year }) },
        responses: {
          "200": { description: "La campagne", ...json(campaignJsonSchema) },
          "404": problem("Aucune campagne cette année"),
          ...common,
        },
      },
    },
    "/campaigns/{year}/establishments/{uai}/request": {
      get: {
        summary:
          "Le questionnaire de l'établissement, pré-rempli depuis l'inventaire (dotations accordées visibles de l'établissement à la notification)",
        requestParams: schoolParams,
        responses: { "200": { description: "Le questionnaire", ...json(requestJsonSchema) }, "404": hidden, ...common },
      },
      put: {
        summary: "Remplacer les lignes du brouillon (personnel de l'établissement, pendant l'enquête)",
        requestParams: schoolParams,
        requestBody: json(saveRequestSchema),
        responses: {
          "200": { description: "Le questionnaire enregistré", ...json(requestJsonSchema) },
          "400": problem("Champs invalides"),
          "403": problem("Seul le personnel de l'établissement remplit son questionnaire"),
          "404": hidden,
          "409": problem("Hors de l'enquête, ou questionnaire déjà soumis"),
          "422": problem("Matériel absent du catalogue de la campagne"),
          ...common,
        },
      },
    },
    "/campaigns/{year}/establishments/{uai}/request/submit": {
      post: {
        summary:
          "Soumettre le questionnaire : signé d'emblée par le chef d'établissement ; soumis par un autre personnel, il attend l'approbation du chef, qui l'approuve en le soumettant à son tour",
        requestParams: schoolParams,
        responses: {
          "200": { description: "Le questionnaire soumis ou approuvé", ...json(requestJsonSchema) },
          "403": problem("Seul le personnel de l'établissement soumet son questionnaire"),
          "404": hidden,
          "409": problem("Hors de l'enquête, déjà approuvé, ou en attente du chef d'établissement"),
          "422": problem("Questionnaire sans ligne"),
          ...common,
        },
      },
    },
    "/campaigns/{year}/establishments/{uai}/allocation": {
      put: {
        summary:
          "Décider la dotation ligne par ligne (chef de secteur de la zone, chef de service, administrateurs), pendant l'analyse, dans l'enveloppe de la zone",
        requestParams: schoolParams,
        requestBody: json(allocationSchema),
        responses: {
          "200": { description: "Le questionnaire avec sa dotation", ...json(requestJsonSchema) },
          "400": problem("Champs invalides"),
          "403": problem("Réservé au chef de secteur de la zone, au chef de service et aux administrateurs"),
          "404": hidden,
          "409": problem("Hors de la phase d'analyse, ou questionnaire non approuvé"),
          "422": problem("Enveloppe de la zone dépassée, réduction sans motif, ligne manquante ou quantité au-delà de la demande"),
          ...common,
        },
      },
    },
  };
}
