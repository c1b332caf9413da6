import type { ArticleDetail, ArticleSummary } from "@/db/queries/articles";
import { renderMarkdown } from "@/lib/knowledge/markdown";

/** An article as the API lists it (articleSummarySchema). */
export const articleSummaryJson = (article: ArticleSummary) => ({
  slug: article.slug,
  title: article.title,
  audience: article.audience,
  state: article.state,
  keywords: article.keywords,
  services: article.services,
  categories: article.categories,
  readCount: article.readCount,
  version: article.version,
  updatedAt: article.updatedAt.toISOString(),
  publishedAt: article.publishedAt?.toISOString() ?? null,
});

/** Where an article's file is read (GET /api/v1/articles/{slug}/files/{id}); an image shows in the page with ?inline=1. */
export const articleFileUrl = (slug: string, fileId: string) => `/api/v1/articles/${slug}/files/${fileId}`;

/** One article with its Markdown, its sanitised rendering, its files and its versions (articleSchema). */
export const articleJson = (article: ArticleDetail) => ({
  ...articleSummaryJson(article),
  body: article.body,
  html: renderMarkdown(article.body),
  files: article.files.map((file) => ({ ...file, url: articleFileUrl(article.slug, file.id) })),
  versions: article.versions.map((version) => ({
    version: version.version,
    title: version.title,
    state: version.state,
    author: version.authorName,
    createdAt: version.createdAt.toISOString(),
  })),
});
