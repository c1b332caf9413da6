import { and, eq, sql } from "drizzle-orm";
import { database, type Executor } from "@/db/client";
import { articleBySlug, serviceAndCategoryIds, takenSlugs, type ArticleDetail } from "@/db/queries/articles";
import { articleCategories, articleFiles, articles, articleServices, articleVersions } from "@/db/schema";
import { articleChangeRefusal, articleSlug, canReadArticle, freeSlug, type ArticleState } from "@/lib/domain/articles";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import type { CreateArticleInput, UpdateArticleInput } from "@/lib/schemas/articles";
import { recordAudit } from "../audit/record-audit";
import { discardStoredFiles, inspectAttachments, storeFiles, type IncomingFile, type StoredFile } from "../tickets/attachments";
import { refusableTransaction, refuse } from "../refusal";
import { fail, type ServiceFailure, type ServiceResult } from "../service-result";

export const ARTICLES_FORBIDDEN = { kind: "forbidden", message: "knowledge.errors.forbidden" } as const;
const PUBLISH_FORBIDDEN = { kind: "forbidden", message: "knowledge.errors.publishForbidden" } as const;

function changeFailure(refusal: "forbidden" | "transition", caller: Caller): ServiceFailure {
  if (refusal === "transition") return { kind: "unprocessable", message: "knowledge.errors.transition" };
  return articleChangeRefusal(caller, null, "draft") === null ? PUBLISH_FORBIDDEN : ARTICLES_FORBIDDEN;
}

/** The ids of the named services and categories; an unknown code refuses the whole change (400 naming the field). */
async function linkIds(tx: Executor, serviceCodes: string[], categoryCodes: string[]) {
  const found = await serviceAndCategoryIds(tx, serviceCodes, categoryCodes);
  const unknownService = serviceCodes.find((code) => !found.services.some((row) => row.code === code));
  const unknownCategory = categoryCodes.find((code) => !found.categories.some((row) => row.code === code));
  if (unknownService || unknownCategory) {
    refuse({
      kind: "invalid",
      message: "knowledge.errors.checkFields",
      errors: [
        ...(unknownService ? [{ field: "services", message: "knowledge.errors.unknownService", values: { code: unknownService } }] : []),
        ...(unknownCategory
          ? [{ field: "categories", message: "knowledge.errors.unknownCategory", values: { code: unknownCategory } }]
          : []),
      ],
    });
  }
  return { serviceIds: found.services.map((row) => row.id), categoryIds: found.categories.map((row) => row.id) };
}

async function replaceLinks(tx: Executor, articleId: string, links: { serviceIds?: string[]; categoryIds?: string[] }) {
  if (links.serviceIds) {
    await tx.delete(articleServices).where(eq(articleServices.articleId, articleId));
    if (links.serviceIds.length) await tx.insert(articleServices).values(links.serviceIds.map((serviceId) => ({ articleId, serviceId })));
  }
  if (links.categoryIds) {
    await tx.delete(articleCategories).where(eq(articleCategories.articleId, articleId));
    if (links.categoryIds.length)
      await tx.insert(articleCategories).values(links.categoryIds.map((categoryId) => ({ articleId, categoryId })));
  }
}

/** What may come with a change: images and files (the attachment policy), the ticket a draft was made from. */
export type ArticleExtras = { files?: IncomingFile[]; sourceTicketId?: string | null };

/**
 * Judges the files by the tickets' attachment policy, stores them, then runs the change: its rows of the files
 * are written in its transaction, and the stored files are removed again when it does not commit.
 */
async function withFiles<T>(
  files: IncomingFile[],
  now: Date,
  change: (stored: StoredFile[]) => Promise<ServiceResult<T>>,
): Promise<ServiceResult<T>> {
  const inspected = await inspectAttachments(files);
  if (!inspected.ok) {
    return fail({
      kind: "invalid",
      message: "knowledge.errors.checkFields",
      errors: inspected.problems.map((problem) => ({
        field: "files",
        message: problem.message,
        values: { ...problem.values, file: problem.file },
      })),
    });
  }
  const stored = await storeFiles(inspected.files, now);
  try {
    const result = await change(stored);
    if (!result.ok) await discardStoredFiles(stored);
    return result;
  } catch (error) {
    await discardStoredFiles(stored);
    throw error;
  }
}

async function recordFiles(tx: Executor, articleId: string, uploadedById: string, files: StoredFile[]) {
  if (!files.length) return;
  await tx.insert(articleFiles).values(
    files.map((file) => ({
      articleId,
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: file.bytes.length,
      storageKey: file.storageKey,
      uploadedById,
    })),
  );
}

async function reread(tx: Executor, slug: string): Promise<ArticleDetail> {
  const article = await articleBySlug(tx, slug);
  if (!article) throw new Error("article vanished");
  return article;
}

/**
 * Writes a new article and its first version (technicians: drafts only; the service lead and admins may publish
 * at once), with a slug made from its title; audited. `sourceTicketId` notes the ticket it was made from.
 */
export async function createArticle(
  caller: Caller,
  input: CreateArticleInput,
  actor: AuditActor,
  now: Date,
  extras: ArticleExtras = {},
): Promise<ServiceResult<ArticleDetail>> {
  const refusal = articleChangeRefusal(caller, null, input.state);
  if (refusal) return fail(changeFailure(refusal, caller));
  const sourceTicketId = extras.sourceTicketId ?? null;
  return withFiles(extras.files ?? [], now, (stored) =>
    refusableTransaction(async (tx) => {
      const { serviceIds, categoryIds } = await linkIds(tx, [...new Set(input.services)], [...new Set(input.categories)]);
      const base = articleSlug(input.title);
      const slug = freeSlug(base, await takenSlugs(tx, base));
      const [article] = await tx
        .insert(articles)
        .values({
          slug,
          title: input.title,
          body: input.body,
          audience: input.audience,
          state: input.state,
          keywords: [...new Set(input.keywords)],
          sourceTicketId,
          createdById: caller.id,
          createdAt: now,
          updatedAt: now,
          publishedAt: input.state === "published" ? now : null,
        })
        .returning({ id: articles.id });
      if (!article) throw new Error("insert returned no row");
      await tx.insert(articleVersions).values({
        articleId: article.id,
        version: 1,
        title: input.title,
        body: input.body,
        state: input.state,
        authorId: caller.id,
        createdAt: now,
      });
      await replaceLinks(tx, article.id, { serviceIds, categoryIds });
      await recordFiles(tx, article.id, caller.id, stored);
      await recordAudit(tx, actor, {
        action: "article.created",
        objectType: "article",
        objectId: article.id,
        after: { slug, title: input.title, audience: input.audience, state: input.state },
      });
      return reread(tx, slug);
    }),
  );
}

/** Changes an article: a new version (author, date) when its text or state changes; the rules of articleChangeRefusal; audited. */
export async function updateArticle(
  caller: Caller,
  slug: string,
  input: UpdateArticleInput,
  actor: AuditActor,
  now: Date,
  files: IncomingFile[] = [],
): Promise<ServiceResult<ArticleDetail>> {
  return withFiles(files, now, (stored) =>
    refusableTransaction(async (tx) => {
      const [current] = await tx
        .select({
          id: articles.id,
          title: articles.title,
          body: articles.body,
          audience: articles.audience,
          state: articles.state,
          version: articles.version,
        })
        .from(articles)
        .where(eq(articles.slug, slug))
        .for("update");
      if (!current) refuse({ kind: "not_found" });
      if (!canReadArticle(caller, current)) refuse({ kind: "not_found" });
      const next: ArticleState = input.state ?? current.state;
      const refusal = articleChangeRefusal(caller, current.state, next);
      if (refusal) refuse(changeFailure(refusal, caller));
      const links = await linkIds(tx, [...new Set(input.services ?? [])], [...new Set(input.categories ?? [])]);
      const title = input.title ?? current.title;
      const body = input.body ?? current.body;
      const version = current.version + 1;
      await tx
        .update(articles)
        .set({
          title,
          body,
          audience: input.audience ?? current.audience,
          state: next,
          ...(input.keywords ? { keywords: [...new Set(input.keywords)] } : {}),
          version,
          updatedAt: now,
          ...(next === "published" && current.state !== "published" ? { publishedAt: now } : {}),
        })
        .where(and(eq(articles.id, current.id), eq(articles.version, current.version)));
      await tx
        .insert(articleVersions)
        .values({ articleId: current.id, version, title, body, state: next, authorId: caller.id, createdAt: now });
      await replaceLinks(tx, current.id, {
        serviceIds: input.services ? links.serviceIds : undefined,
        categoryIds: input.categories ? links.categoryIds : undefined,
      });
      await recordFiles(tx, current.id, caller.id, stored);
      await recordAudit(tx, actor, {
        action: "article.updated",
        objectType: "article",
        objectId: current.id,
        before: { title: current.title, audience: current.audience, state: current.state, version: current.version },
        after: { title, audience: input.audience ?? current.audience, state: next, version },
      });
      return reread(tx, slug);
    }),
  );
}

/** Counts one reading of an article (its page opened). */
export async function countArticleRead(articleId: string): Promise<void> {
  await database()
    .update(articles)
    .set({ readCount: sql`${articles.readCount} + 1` })
    .where(eq(articles.id, articleId));
}
