import { database } from "@/db/client";
import {
  articleBySlug,
  publishedArticleBodies,
  searchArticles,
  storedArticleFile,
  type ArticleDetail,
  type ArticleFilters,
  type ArticleSummary,
} from "@/db/queries/articles";
import { articleReadScope, canReadArticle, serviceAdviceSlug } from "@/lib/domain/articles";
import type { Caller } from "@/lib/domain/caller";
import { fail, succeed, type ServiceResult } from "../service-result";
import { openStoredFile } from "../tickets/attachments";

/** The articles the caller may read (school staff: published ones for schools), by words, service and category. */
export async function findArticles(caller: Caller, filters: ArticleFilters): Promise<ArticleSummary[]> {
  return searchArticles(database(), articleReadScope(caller), filters);
}

/** What one reads while filing (in a category): published articles the caller may read, matching the title being typed, best first. */
export async function suggestArticles(caller: Caller, categoryCode: string | undefined, typed: string): Promise<ArticleSummary[]> {
  const scope = articleReadScope(caller);
  return searchArticles(database(), { states: ["published"], audiences: scope.audiences }, { typed, category: categoryCode, limit: 5 });
}

/** One article, or not found when the caller may not read it (a staff-only article for school staff, a draft for a reader). */
export async function readArticle(caller: Caller, slug: string): Promise<ServiceResult<ArticleDetail>> {
  const article = await articleBySlug(database(), slug);
  if (!article || !canReadArticle(caller, article)) return fail({ kind: "not_found" });
  return succeed(article);
}

/** Each service's "Conseils" and "Plus d'infos" article (seed 001), by service code, when published. */
export async function serviceAdvice(caller: Caller, serviceCodes: string[]): Promise<Map<string, { slug: string; body: string }>> {
  const rows = await publishedArticleBodies(database(), serviceCodes.map(serviceAdviceSlug), articleReadScope(caller).audiences);
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  return new Map(
    serviceCodes.flatMap((code) => {
      const row = bySlug.get(serviceAdviceSlug(code));
      return row ? [[code, { slug: row.slug, body: row.body }] as const] : [];
    }),
  );
}

/** A file of an article, to whoever may read the article; null otherwise, as for an unknown one. */
export async function articleFileForDownload(
  caller: Caller,
  slug: string,
  fileId: string,
): Promise<{ fileName: string; contentType: string; file: Blob } | null> {
  const article = await readArticle(caller, slug);
  if (!article.ok) return null;
  const file = await storedArticleFile(database(), article.value.id, fileId);
  return file ? { fileName: file.fileName, contentType: file.contentType, file: await openStoredFile(file.storageKey) } : null;
}
