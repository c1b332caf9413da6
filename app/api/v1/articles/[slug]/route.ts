import { z } from "zod";
import { articleJson } from "@/lib/api/article-json";
import { problemFromFailure } from "@/lib/api/problem";
import { recordRoute } from "@/lib/api/record-route";
import { updateArticleSchema } from "@/lib/schemas/articles";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { readArticle } from "@/lib/services/knowledge/read-articles";
import { updateArticle } from "@/lib/services/knowledge/save-article";

export const dynamic = "force-dynamic";

const slugParam = z.string().regex(/^[a-z0-9-]{1,90}$/);

/** GET /api/v1/articles/{slug} → the article with `html`, its sanitised rendering; 404 when the caller may not read it. */
export const GET = recordRoute("slug", slugParam)(null, async ({ slug, caller }) => {
  const article = await readArticle(caller, slug);
  return article.ok ? Response.json(articleJson(article.value)) : problemFromFailure(article.failure);
});

/** PATCH /api/v1/articles/{slug} {title?, body?, audience?, services?, categories?, keywords?, state?} → the article, a new version. */
export const PATCH = recordRoute("slug", slugParam)(updateArticleSchema, async ({ request, slug, input, caller }) => {
  const updated = await updateArticle(caller, slug, input, auditActor(request.headers, caller), new Date());
  return updated.ok ? Response.json(articleJson(updated.value)) : problemFromFailure(updated.failure);
});
