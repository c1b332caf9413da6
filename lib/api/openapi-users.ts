import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { createUserSchema, listUsersQuery, patchUserSchema, userPageSchema, userSchema } from "@/lib/schemas/users";
import type { OpenApiHelpers } from "./openapi-cis";

const id = z.object({ id: z.uuid().meta({ description: "Identifiant du compte" }) });
const forbidden =
  "Réservé aux administrateurs et aux chefs d'établissement ; un chef d'établissement ne donne que les rôles requester ou manager";

/** The accounts' part of the /api/v1 contract. */
export function userPaths({ json, problem, common }: OpenApiHelpers): ZodOpenApiPathsObject {
  return {
    "/users": {
      get: {
        summary:
          "Comptes, par nom (pagination par curseur) : tous pour un administrateur, le personnel de ses établissements pour un chef d'établissement",
        requestParams: { query: listUsersQuery },
        responses: {
          "200": { description: "Une page", ...json(userPageSchema) },
          "400": problem("Filtre invalide"),
          "403": problem(forbidden),
          ...common,
        },
      },
      post: {
        summary:
          "Ouvrir un compte ; la personne reçoit un lien (72 h) pour choisir son mot de passe, sans lequel elle ne peut ni se connecter ni obtenir de jeton",
        requestBody: json(createUserSchema),
        responses: {
          "201": { description: "Compte créé", ...json(userSchema) },
          "400": problem("Champs invalides"),
          "403": problem(forbidden),
          "404": problem("Établissement d'un autre chef d'établissement"),
          "409": problem("Adresse e-mail déjà utilisée (quelle que soit la casse)"),
          "422": problem("UAI, équipe ou fonction inconnue, ou rattachement impossible pour ce rôle"),
          ...common,
        },
      },
    },
    "/users/{id}": {
      get: {
        summary: "Un compte",
        requestParams: { path: id },
        responses: {
          "200": { description: "Le compte", ...json(userSchema) },
          "403": problem(forbidden),
          "404": problem("Introuvable ou hors de vos établissements"),
          ...common,
        },
      },
      patch: {
        summary:
          "Modifier, désactiver ou réactiver un compte ; retiré de son dernier établissement, il est désactivé. Désactivé, ses sessions et jetons cessent aussitôt",
        requestParams: { path: id },
        requestBody: json(patchUserSchema),
        responses: {
          "200": { description: "Le compte modifié", ...json(userSchema) },
          "400": problem("Champs invalides"),
          "403": problem(forbidden),
          "404": problem("Introuvable ou hors de vos établissements"),
          "422": problem("UAI, équipe ou fonction inconnue, ou changement de son propre rôle"),
          ...common,
        },
      },
    },
  };
}
