import { z } from "zod";
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject } from "zod-openapi";
import { checkDeliverySchema, createDeliverySchema, deliveryListSchema, deliverySchema } from "@/lib/schemas/deliveries";

type Helpers = {
  json: <T extends z.ZodType>(schema: T) => { content: { "application/json": { schema: T } } };
  problem: (description: string) => ZodOpenApiResponseObject;
  common: Record<string, ZodOpenApiResponseObject>;
};

/** Deliveries of the equipment campaign (issue 17): their part of the /api/v1 contract. */
export function deliveryPaths({ json, problem, common }: Helpers): ZodOpenApiPathsObject {
  const id = { path: z.object({ id: z.uuid().meta({ description: "Identifiant de la livraison" }) }) };
  return {
    "/deliveries": {
      get: {
        summary: "Les livraisons visibles : celles de son établissement pour son personnel, toutes pour la Région et l'Académie",
        responses: {
          "200": { description: "Les livraisons", ...json(deliveryListSchema) },
          "403": problem("Rôle sans accès aux livraisons"),
          ...common,
        },
      },
      post: {
        summary:
          "Enregistrer une livraison à un établissement (équipe équipement de la Région, chef de service, administrateurs) : `checkBy` est la fermeture du 5e jour ouvré après `deliveredOn`",
        requestBody: json(createDeliverySchema),
        responses: {
          "201": { description: "Livraison enregistrée", ...json(deliverySchema) },
          "400": problem("Champs invalides"),
          "403": problem("Réservé à l'équipe équipement de la Région, au chef de service et aux administrateurs"),
          "422": problem("UAI, campagne ou code d'équipement inconnu"),
          ...common,
        },
      },
    },
    "/deliveries/{id}": {
      get: {
        summary: "Une livraison, ses lignes, son état et la fin de son délai de contrôle",
        requestParams: id,
        responses: {
          "200": { description: "La livraison", ...json(deliverySchema) },
          "404": problem("Livraison inconnue ou invisible"),
          ...common,
        },
      },
    },
    "/deliveries/{id}/check": {
      post: {
        summary:
          "Contrôler une livraison (personnel de l'établissement, administrateurs) : quantités, numéros de série, anomalies ; les équipements acceptés entrent à l'inventaire, les anomalies ouvrent un ticket EQUIP-LIVRAISON",
        requestParams: id,
        requestBody: json(checkDeliverySchema),
        responses: {
          "200": { description: "Livraison contrôlée", ...json(deliverySchema) },
          "400": problem("Lignes invalides (numéros de série manquants, ligne inconnue…)"),
          "403": problem("Réservé au personnel de l'établissement"),
          "404": problem("Livraison inconnue ou invisible"),
          "409": problem("Déjà contrôlée, réputée conforme, ou pas encore livrée"),
          "422": problem("Équipement remplacé d'un autre établissement"),
          ...common,
        },
      },
    },
  };
}
