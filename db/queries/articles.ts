import { and, asc, count, desc, eq, exists, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  articleCategories,
  articleDeflections,
  articleFiles,
  articleServices,
  articles,
  articleVersions,
  categories,
  services,
  users,
} from "@/db/schema";
import { typedSearchQuery, type ArticleAudience, type ArticleState } from "@/lib/domain/articles";

export type ArticleScope = { states: ArticleState[]; audiences: ArticleAudience[] };

export type ArticleFilters = {
  /** Words: every word must be found (title, keywords, body), French stems, accents ignored. */
  q?: string;
  /** Words as typed while filing: any word may match, the last one as the start of a word. */
  typed?: string;
  service?: string;
  category?: string;
  limit: number;
};

const summary = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  audience: articles.audience,
  state: articles.state,
  keywords: articles.keywords,
  readCount: articles.readCount,
  version: articles.version,
  updatedAt: articles.updatedAt,
  publishedAt: articles.publishedAt,
};

async function linksOf(db: Executor, articleIds: string[]) {
  if (!articleIds.length) return { services: [], categories: [] };
  const [serviceRows, categoryRows] = await Promise.all([
    db
      .select({ articleId: articleServices.articleId, code: services.code, name: services.name })
      .from(articleServices)
      .innerJoin(services, eq(services.id, articleServices.serviceId))
      .where(inArray(articleServices.articleId, articleIds))
      .orderBy(asc(services.position)),
    db
      .select({ articleId: articleCategories.articleId, code: categories.code, name: categories.name })
      .from(articleCategories)
      .innerJoin(categories, eq(categories.id, articleCategories.categoryId))
      .where(inArray(articleCategories.articleId, articleIds))
      .orderBy(asc(categories.position)),
  ]);
  return { services: serviceRows, categories: categoryRows };
}

/**
 * Articles the scope lets the caller read, filtered by words, service and category. With words: the best
 * match first (title and keywords weigh more than the body), then the most read; without: the most read first.
 */
export async function searchArticles(db: Executor, scope: ArticleScope, filters: ArticleFilters) {
  const conditions: SQL[] = [inArray(articles.state, scope.states), inArray(articles.audience, scope.audiences)];
  let query: SQL | null = null;
  if (filters.q?.trim()) query = sql`websearch_to_tsquery('fr_unaccent', ${filters.q.trim()})`;
  else if (filters.typed !== undefined) {
    const typed = typedSearchQuery(filters.typed);
    if (typed === null) return [];
    query = sql`to_tsquery('fr_unaccent', ${typed})`;
  }
  if (query) conditions.push(sql`${articles.search} @@ ${query}`);
  if (filters.service)
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(articleServices)
          .innerJoin(services, eq(services.id, articleServices.serviceId))
          .where(and(eq(articleServices.articleId, articles.id), eq(services.code, filters.service))),
      ),
    );
  if (filters.category)
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(articleCategories)
          .innerJoin(categories, eq(categories.id, articleCategories.categoryId))
          .where(and(eq(articleCategories.articleId, articles.id), eq(categories.code, filters.category))),
      ),
    );
  const order = query
    ? [desc(sql`ts_rank_cd(${articles.search}, ${query})`), desc(articles.readCount), asc(articles.title)]
    : [desc(articles.readCount), asc(articles.title)];
  const rows = await db
    .select(summary)
    .from(articles)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(filters.limit);
  const links = await linksOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    ...row,
    services: links.services.filter((link) => link.articleId === row.id).map(({ code, name }) => ({ code, name })),
    categories: links.categories.filter((link) => link.articleId === row.id).map(({ code, name }) => ({ code, name })),
  }));
}
export type ArticleSummary = Awaited<ReturnType<typeof searchArticles>>[number];

/** One article by its slug, whatever its state and audience (the service decides who reads it), with its versions. */
export async function articleBySlug(db: Executor, slug: string) {
  const [row] = await db
    .select({ ...summary, body: articles.body, sourceTicketId: articles.sourceTicketId, createdAt: articles.createdAt })
    .from(articles)
    .where(eq(articles.slug, slug));
  if (!row) return null;
  const [links, files, versions] = await Promise.all([
    linksOf(db, [row.id]),
    db
      .select({
        id: articleFiles.id,
        fileName: articleFiles.fileName,
        contentType: articleFiles.contentType,
        sizeBytes: articleFiles.sizeBytes,
      })
      .from(articleFiles)
      .where(eq(articleFiles.articleId, row.id))
      .orderBy(asc(articleFiles.createdAt), asc(articleFiles.fileName)),
    db
      .select({
        version: articleVersions.version,
        title: articleVersions.title,
        state: articleVersions.state,
        authorName: users.name,
        createdAt: articleVersions.createdAt,
      })
      .from(articleVersions)
      .leftJoin(users, eq(users.id, articleVersions.authorId))
      .where(eq(articleVersions.articleId, row.id))
      .orderBy(desc(articleVersions.version)),
  ]);
  return {
    ...row,
    services: links.services.map(({ code, name }) => ({ code, name })),
    categories: links.categories.map(({ code, name }) => ({ code, name })),
    files,
    versions,
  };
}
export type ArticleDetail = NonNullable<Awaited<ReturnType<typeof articleBySlug>>>;

/** The slugs already taken among `slug` and its numbered variants (slug-2, slug-3…). */
export async function takenSlugs(db: Executor, slug: string): Promise<Set<string>> {
  const rows = await db
    .select({ slug: articles.slug })
    .from(articles)
    .where(sql`${articles.slug} = ${slug} OR ${articles.slug} ~ ${`^${slug}-[0-9]+$`}`);
  return new Set(rows.map((row) => row.slug));
}

/** Ids of the services and categories named by code (unknown codes are left out). */
export async function serviceAndCategoryIds(db: Executor, serviceCodes: string[], categoryCodes: string[]) {
  const [serviceRows, categoryRows] = await Promise.all([
    serviceCodes.length
      ? db.select({ id: services.id, code: services.code }).from(services).where(inArray(services.code, serviceCodes))
      : [],
    categoryCodes.length
      ? db.select({ id: categories.id, code: categories.code }).from(categories).where(inArray(categories.code, categoryCodes))
      : [],
  ]);
  return { services: serviceRows, categories: categoryRows };
}

/** A category and its service, by the category's code. */
export async function categoryWithService(db: Executor, categoryCode: string) {
  const [row] = await db
    .select({ categoryId: categories.id, serviceId: categories.serviceId })
    .from(categories)
    .where(eq(categories.code, categoryCode));
  return row ?? null;
}

/** The published articles among those slugs that the scope's audiences may read, with their Markdown. */
export async function publishedArticleBodies(db: Executor, slugs: string[], audiences: ArticleAudience[]) {
  if (!slugs.length) return [];
  return db
    .select({ slug: articles.slug, title: articles.title, body: articles.body })
    .from(articles)
    .where(and(inArray(articles.slug, slugs), eq(articles.state, "published"), inArray(articles.audience, audiences)));
}

/** Deflections ("Cela a résolu mon problème") of those schools in [start, end), per school and service. */
export async function deflectionCounts(db: Executor, establishmentIds: readonly string[], instants: { start: Date; end: Date }) {
  if (!establishmentIds.length) return [];
  return db
    .select({ establishmentId: articleDeflections.establishmentId, serviceId: articleDeflections.serviceId, count: count() })
    .from(articleDeflections)
    .where(
      and(
        inArray(articleDeflections.establishmentId, [...establishmentIds]),
        gte(articleDeflections.createdAt, instants.start),
        lt(articleDeflections.createdAt, instants.end),
      ),
    )
    .groupBy(articleDeflections.establishmentId, articleDeflections.serviceId);
}

/** One file of an article: where it is stored. */
export async function storedArticleFile(db: Executor, articleId: string, fileId: string) {
  const [file] = await db
    .select({ fileName: articleFiles.fileName, contentType: articleFiles.contentType, storageKey: articleFiles.storageKey })
    .from(articleFiles)
    .where(and(eq(articleFiles.id, fileId), eq(articleFiles.articleId, articleId)));
  return file ?? null;
}
