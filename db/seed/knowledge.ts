import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { articleCategories, articles, articleServices, articleVersions, categories, services } from "@/db/schema";
import { ARTICLE_AUDIENCES, articleSlug, serviceAdviceSlug } from "@/lib/domain/articles";
import adviceData from "./data/service-advice.json";
import demoArticlesData from "./data/demo-articles.json";

const adviceFile = z.object({
  services: z.array(z.object({ service: z.string(), title: z.string(), advice: z.array(z.string()), moreInfo: z.array(z.string()) })),
});
const demoArticlesFile = z.object({
  articles: z.array(
    z.object({
      title: z.string(),
      audience: z.enum(ARTICLE_AUDIENCES),
      services: z.array(z.string()),
      categories: z.array(z.string()),
      keywords: z.array(z.string()),
      body: z.string(),
    }),
  ),
});

type SeedArticle = z.infer<typeof demoArticlesFile>["articles"][number];

/** Inserts or refreshes a published article by its slug, with its first version and its links. */
async function upsertArticle(tx: Executor, slug: string, article: SeedArticle): Promise<void> {
  const [row] = await tx
    .insert(articles)
    .values({
      slug,
      title: article.title,
      body: article.body,
      audience: article.audience,
      state: "published",
      keywords: article.keywords,
      publishedAt: new Date(),
    })
    .onConflictDoUpdate({ target: articles.slug, set: { title: article.title, body: article.body, keywords: article.keywords } })
    .returning({ id: articles.id });
  const articleId = row!.id;
  await tx
    .insert(articleVersions)
    .values({ articleId, version: 1, title: article.title, body: article.body, state: "published" })
    .onConflictDoNothing();
  const serviceRows = article.services.length
    ? await tx.select({ id: services.id }).from(services).where(inArray(services.code, article.services))
    : [];
  const categoryRows = article.categories.length
    ? await tx.select({ id: categories.id }).from(categories).where(inArray(categories.code, article.categories))
    : [];
  await tx.delete(articleServices).where(eq(articleServices.articleId, articleId));
  await tx.delete(articleCategories).where(eq(articleCategories.articleId, articleId));
  if (serviceRows.length) await tx.insert(articleServices).values(serviceRows.map((service) => ({ articleId, serviceId: service.id })));
  if (categoryRows.length)
    await tx.insert(articleCategories).values(categoryRows.map((category) => ({ articleId, categoryId: category.id })));
}

/** Seed 001's "Conseil" and "Plus d'infos" of each service it describes, as one published article per service (reference data). */
export async function seedServiceAdvice(tx: Executor): Promise<void> {
  for (const entry of adviceFile.parse(adviceData).services) {
    const body = ["## Conseils", ...entry.advice, ...(entry.moreInfo.length ? ["## Plus d'infos", ...entry.moreInfo] : [])].join("\n\n");
    await upsertArticle(tx, serviceAdviceSlug(entry.service), {
      title: entry.title,
      audience: "schools",
      services: [entry.service],
      categories: [],
      keywords: [],
      body,
    });
  }
}

/** The demo articles ("Imprimante bloquée : que faire ?" and a staff-only one). */
export async function seedDemoArticles(tx: Executor): Promise<void> {
  for (const article of demoArticlesFile.parse(demoArticlesData).articles) await upsertArticle(tx, articleSlug(article.title), article);
}
