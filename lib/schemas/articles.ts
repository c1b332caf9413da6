import { z } from "zod";
import { ARTICLE_AUDIENCES, ARTICLE_STATES } from "@/lib/domain/articles";
import { upperCode } from "./primitives";

/** An article of the knowledge base (POST|PATCH /api/v1/articles, the article editor); messages are catalogue keys. */
const title = z
  .string({ error: "knowledge.errors.title" })
  .trim()
  .min(3, "knowledge.errors.title")
  .max(200, "knowledge.errors.titleTooLong")
  .meta({ description: "Titre", example: "Printer jammed" });
const body = z
  .string({ error: "knowledge.errors.body" })
  .trim()
  .min(1, "knowledge.errors.body")
  .max(50_000, "knowledge.errors.bodyTooLong")
  .meta({ description: "Texte en Markdown ; le HTML brut n'est jamais rendu" });
const audience = z.enum(ARTICLE_AUDIENCES, { error: "knowledge.errors.audience" }).meta({
  description: "schools : lisible par les personnels des établissements ; staff : réservé aux personnels de la Région et de l'Académie",
});
const codes = (message: string) => z.array(upperCode.pipe(z.string().min(1, message)), { error: message }).max(30, message);
const keywords = z
  .array(z.string().trim().min(1, "knowledge.errors.keyword").max(60, "knowledge.errors.keyword"), { error: "knowledge.errors.keyword" })
  .max(30, "knowledge.errors.keyword")
  .meta({ description: "Mots-clés de recherche", example: ["bourrage", "toner"] });

export const createArticleSchema = z.object({
  title,
  body,
  audience,
  services: codes("knowledge.errors.services")
    .default([])
    .meta({ description: "Codes des services liés", example: ["IMPRESSION"] }),
  categories: codes("knowledge.errors.categories")
    .default([])
    .meta({ description: "Codes des catégories liées", example: ["IMPR-PANNE"] }),
  keywords: keywords.default([]),
  state: z
    .enum(["draft", "published"], { error: "knowledge.errors.state" })
    .default("draft")
    .meta({ description: "draft (brouillon) ou published (publié : chef de service et administrateurs)" }),
});
export type CreateArticleInput = z.infer<typeof createArticleSchema>;

const updateArticleFields = z.object({
  title: title.optional(),
  body: body.optional(),
  audience: audience.optional(),
  services: codes("knowledge.errors.services").optional(),
  categories: codes("knowledge.errors.categories").optional(),
  keywords: keywords.optional(),
  state: z.enum(ARTICLE_STATES, { error: "knowledge.errors.state" }).optional().meta({ description: "draft, published ou archived" }),
});
export const updateArticleSchema = updateArticleFields.refine((value) => Object.values(value).some((field) => field !== undefined), {
  message: "knowledge.errors.nothingToChange",
});
export type UpdateArticleInput = z.infer<typeof updateArticleSchema>;

/** The article editor's form: the article named by its slug, every field sent. */
export const editArticleSchema = updateArticleFields.extend({ slug: z.string().trim().min(1).max(120) });

/** "Transformer en article": the resolved ticket a draft starts from. */
export const articleFromTicketSchema = z.object({ reference: z.string().trim().toUpperCase().min(1).max(40) });

export const articleFiltersSchema = z.object({
  q: z.string().trim().max(200).optional().meta({ description: "Mots cherchés (titre, mots-clés, texte), en français, accents ignorés" }),
  typed: z.string().max(200).optional().meta({
    description:
      "Titre en cours de saisie (formulaire de signalement) : n'importe lequel de ses mots, le dernier comme début de mot ; articles publiés seulement, 5 au plus",
  }),
  service: upperCode.max(40).optional().meta({ description: "Code d'un service" }),
  category: upperCode.max(40).optional().meta({ description: "Code d'une catégorie" }),
});

const link = z.object({ code: z.string(), name: z.string() });
export const articleSummarySchema = z.object({
  slug: z.string().meta({ example: "imprimante-bloquee-que-faire" }),
  title: z.string(),
  audience: z.enum(ARTICLE_AUDIENCES),
  state: z.enum(ARTICLE_STATES),
  keywords: z.array(z.string()),
  services: z.array(link),
  categories: z.array(link),
  readCount: z.number().int(),
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
  publishedAt: z.iso.datetime().nullable(),
});
export const articleListSchema = z.object({ items: z.array(articleSummarySchema) });
export const articleSchema = articleSummarySchema.extend({
  body: z.string().meta({ description: "Le texte en Markdown" }),
  html: z.string().meta({ description: "Le rendu HTML du Markdown, assaini (pas de HTML brut, liens javascript: et data: refusés)" }),
  files: z.array(
    z.object({
      id: z.uuid(),
      fileName: z.string(),
      contentType: z.string(),
      sizeBytes: z.number().int(),
      url: z
        .string()
        .meta({ description: "Adresse du fichier ; ?inline=1 affiche une image ou un PDF", example: "/api/v1/articles/wifi/files/…" }),
    }),
  ),
  versions: z.array(
    z.object({
      version: z.number().int(),
      title: z.string(),
      state: z.enum(ARTICLE_STATES),
      author: z.string().nullable(),
      createdAt: z.iso.datetime(),
    }),
  ),
});

/** "Cela a résolu mon problème": the article that answered, on the filing form of a category, for a school. */
export const deflectionSchema = z.object({
  article: z.string().trim().min(1).max(120),
  categoryCode: upperCode.min(1),
  establishmentUai: upperCode.min(1),
});
export type DeflectionInput = z.infer<typeof deflectionSchema>;
