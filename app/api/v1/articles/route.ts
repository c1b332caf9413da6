import { articleJson, articleSummaryJson } from "@/lib/api/article-json";
import { invalidRequest, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { apiRoute, jsonBody } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import { articleFiltersSchema, createArticleSchema } from "@/lib/schemas/articles";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { findArticles, suggestArticles } from "@/lib/services/knowledge/read-articles";
import { createArticle } from "@/lib/services/knowledge/save-article";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/articles?q=&service=&category= → {items}: the articles the caller may read, best match or most read first
 * (100 at most); with `typed` (the filing form's title as it is typed), the 5 published ones matching any of its words.
 */
export const GET = apiRoute(async (request: Request) => {
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const filters = articleFiltersSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!filters.success) return invalidRequest(filters.error);
  const { typed, ...search } = filters.data;
  const items =
    typed === undefined ? await findArticles(caller, { ...search, limit: 100 }) : await suggestArticles(caller, search.category, typed);
  return Response.json({ items: items.map(articleSummaryJson) });
});

/** POST /api/v1/articles {title, body, audience, services, categories, keywords, state} → 201 with the article (staff; publishing: the service lead and admins). */
export const POST = apiRoute(async (request: Request) => {
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const parsed = createArticleSchema.safeParse(await jsonBody(request));
  if (!parsed.success) return invalidRequest(parsed.error);
  const created = await createArticle(caller, parsed.data, auditActor(request.headers, caller), new Date());
  if (!created.ok) return problemFromFailure(created.failure);
  return Response.json(articleJson(created.value), { status: 201 });
});
