import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { markedReadSchema, markReadSchema, notificationPageSchema } from "@/lib/schemas/notifications";
import type { OpenApiHelpers } from "./openapi-cis";

/** The caller's own notifications (issue 14, "told of new work"): their part of the /api/v1 contract. */
export function notificationPaths({ json, problem, common }: OpenApiHelpers): ZodOpenApiPathsObject {
  return {
    "/me/notifications": {
      get: {
        summary: "Mes notifications, des plus récentes aux plus anciennes (pagination par curseur), avec le nombre de non lues",
        requestParams: {
          query: z.object({
            unread: z.enum(["true", "false"]).optional().meta({ description: "true : les non lues seulement" }),
            cursor: z.string().optional(),
            limit: z.string().optional().meta({ description: "1 à 100 ; 50 par défaut" }),
          }),
        },
        responses: { "200": { description: "Une page", ...json(notificationPageSchema) }, "400": problem("Filtre invalide"), ...common },
      },
    },
    "/me/notifications/read": {
      post: {
        summary: "Marquer comme lues mes notifications nommées, ou toutes sans `ids` (les identifiants d'autrui sont ignorés)",
        requestBody: json(markReadSchema),
        responses: {
          "200": { description: "Combien ont été marquées, et combien restent non lues", ...json(markedReadSchema) },
          "400": problem("Corps invalide"),
          ...common,
        },
      },
    },
  };
}
