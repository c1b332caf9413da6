import { z } from "zod";
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject } from "zod-openapi";
import {
  affectedSchema,
  announcementListQuerySchema,
  announcementListSchema,
  announcementSchema,
  publishAnnouncementSchema,
  reportAffectedSchema,
} from "@/lib/schemas/announcements";

type Helpers = {
  json: <T extends z.ZodType>(schema: T) => { content: { "application/json": { schema: T } } };
  problem: (description: string) => ZodOpenApiResponseObject;
  common: Record<string, ZodOpenApiResponseObject>;
};

/** Announcements of known incidents and planned works: their part of the /api/v1 contract. */
export function announcementPaths({ json, problem, common }: Helpers): ZodOpenApiPathsObject {
  return {
    "/announcements": {
      get: {
        summary:
          "Les incidents connus et travaux prévus : le personnel d'un établissement reçoit ceux qui le concernent, la Région et l'Académie tous ; le plus récent d'abord",
        requestParams: { query: announcementListQuerySchema },
        responses: {
          "200": { description: "Les annonces", ...json(announcementListSchema) },
          "400": problem("Paramètre invalide (active ne prend que true)"),
          ...common,
        },
      },
      post: {
        summary:
          "Publier une annonce (Région : administrateurs, chef de service ; Académie) ; listes vides : tout le monde. Les contacts des établissements concernés sont prévenus par e-mail, une fois, puis à la fin",
        requestBody: json(publishAnnouncementSchema),
        responses: {
          "201": { description: "Annonce publiée", ...json(announcementSchema) },
          "400": problem("Champs invalides (fin avant le début, date sans fuseau…)"),
          "403": problem("Réservé à la Région et à l'Académie"),
          "422": problem("Code inconnu (zone, UAI, service, ticket d'incident majeur) ; errors nomme le champ"),
          ...common,
        },
      },
    },
    "/announcements/{id}/affected": {
      post: {
        summary:
          "« Mon établissement est concerné » : l'établissement de l'appelant suit l'incident au lieu de le signaler et est prévenu de sa fin (idempotent)",
        requestParams: { path: z.object({ id: z.uuid() }) },
        requestBody: { ...json(reportAffectedSchema), required: false },
        responses: {
          "201": { description: "Établissement rattaché", ...json(affectedSchema) },
          "200": { description: "Déjà rattaché", ...json(affectedSchema) },
          "403": problem("Réservé au personnel des établissements"),
          "404": problem("Annonce inconnue ou qui ne concerne pas l'établissement de l'appelant"),
          "409": problem("Incident terminé"),
          "422": problem("Plusieurs établissements concernés : préciser establishment"),
          ...common,
        },
      },
    },
  };
}
