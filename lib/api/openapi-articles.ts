import { z } from "zod";
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject } from "zod-openapi";
import { articleFiltersSchema, articleListSchema, articleSchema, createArticleSchema, updateArticleSchema } from "@/lib/schemas/articles";

type Helpers = {
  json: <T extends z.ZodType>(schema: T) => { content: { "application/json": { schema: T } } };
  problem: (description: string) => ZodOpenApiResponseObject;
  common: Record<string, ZodOpenApiResponseObject>;
};

const articleSlugPath = z.object({ slug: z.string().meta({ example: "imprimante-bloquee-que-faire" }) });

/** The knowledge base's articles: their part of the /api/v1 contract. */
export function articlePaths({ json, problem, common }: Helpers): ZodOpenApiPathsObject {
  const notFound = problem("Article inconnu, ou que l'appelant ne peut pas lire (brouillon, article réservé aux personnels)");
  return {
    "/articles": {
      get: {
        summary:
          "Les articles que l'appelant peut lire (personnels des établissements : les articles publiés pour les établissements), le plus pertinent puis le plus lu d'abord",
        requestParams: { query: articleFiltersSchema },
        responses: {
          "200": { description: "Les articles (100 au plus)", ...json(articleListSchema) },
          "400": problem("Paramètres invalides"),
          ...common,
        },
      },
      post: {
        summary:
          "Écrire un article (Markdown) : brouillon pour les techniciens, publié directement pour le chef de service et les administrateurs",
        requestBody: json(createArticleSchema),
        responses: {
          "201": { description: "Article créé (première version)", ...json(articleSchema) },
          "400": problem("Champs invalides (service ou catégorie inconnus…)"),
          "403": problem("Réservé aux personnels ; publier est réservé au chef de service et aux administrateurs"),
          ...common,
        },
      },
    },
    "/articles/{slug}": {
      get: {
        summary: "Un article, avec son rendu HTML assaini et ses versions",
        requestParams: { path: articleSlugPath },
        responses: { "200": { description: "L'article", ...json(articleSchema) }, "404": notFound, ...common },
      },
      patch: {
        summary:
          "Modifier un article (nouvelle version, avec auteur et date) ; publier, modifier un article publié et archiver sont réservés au chef de service et aux administrateurs",
        requestParams: { path: articleSlugPath },
        requestBody: json(updateArticleSchema),
        responses: {
          "200": { description: "L'article modifié", ...json(articleSchema) },
          "400": problem("Champs invalides"),
          "403": problem("Changement non permis à l'appelant"),
          "404": notFound,
          "422": problem("Changement d'état impossible (un article publié ne redevient pas brouillon)"),
          ...common,
        },
      },
    },
    "/articles/{slug}/files/{id}": {
      get: {
        summary:
          "Une image ou un fichier d'un article, à qui peut lire l'article (?inline=1 : affiché dans le navigateur pour une image ou un PDF)",
        requestParams: { path: articleSlugPath.extend({ id: z.uuid() }) },
        responses: {
          "200": { description: "Le fichier", content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }) } } },
          "404": notFound,
          ...common,
        },
      },
    },
  };
}
