import { database } from "@/db/client";
import { articleBySlug, searchArticles, type ArticleDetail, type ArticleFilters, type ArticleSummary } from "@/db/queries/articles";
import { articleReadScope, canReadArticle } from "@/lib/domain/articles";
import type { Caller } from "@/lib/domain/caller";
import { fail, succeed, type ServiceResult } from "../service-result";

/** The articles the caller may read (school staff: published ones for schools), by words, service and category. */
export async function findArticles(caller: Caller, filters: ArticleFilters): Promise<ArticleSummary[]> {
  return searchArticles(database(), articleReadScope(caller), filters);
}

/** What a school reads while filing in a category: published articles for schools matching the title typed, best first. */
export async function suggestArticles(caller: Caller, categoryCode: string, typed: string): Promise<ArticleSummary[]> {
  const scope = articleReadScope(caller);
  return searchArticles(database(), { states: ["published"], audiences: scope.audiences }, { typed, category: categoryCode, limit: 5 });
}

/** One article, or not found when the caller may not read it (a staff-only article for school staff, a draft for a reader). */
export async function readArticle(caller: Caller, slug: string): Promise<ServiceResult<ArticleDetail>> {
  const article = await articleBySlug(database(), slug);
  if (!article || !canReadArticle(caller, article)) return fail({ kind: "not_found" });
  return succeed(article);
}
