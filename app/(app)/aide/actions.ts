"use server";

import { formAction } from "@/lib/auth/form-action";
import type { FormValues } from "@/lib/schemas/form-state";
import { articleFromTicketSchema, createArticleSchema, editArticleSchema } from "@/lib/schemas/articles";
import { startArticleFromTicket } from "@/lib/services/knowledge/article-from-ticket";
import { createArticle, updateArticle } from "@/lib/services/knowledge/save-article";
import { filesFromForm } from "@/lib/services/tickets/attachments";

/** The editor posts services, categories and keywords as one text each: codes split on spaces or commas, keywords on commas. */
function editorFields(_form: FormData, values: FormValues) {
  const text = (name: string) => String(values[name] ?? "");
  return {
    ...values,
    services: text("services")
      .split(/[\s,;]+/)
      .filter(Boolean),
    categories: text("categories")
      .split(/[\s,;]+/)
      .filter(Boolean),
    keywords: text("keywords")
      .split(/[,;]/)
      .map((keyword) => keyword.trim())
      .filter(Boolean),
  };
}

export const createArticleAction = formAction(
  createArticleSchema,
  async (input, caller, form, now, actor) => createArticle(caller, input, actor, now, { files: await filesFromForm(form, "files") }),
  { read: editorFields, revalidate: () => ["/aide"], redirectTo: (article) => `/aide/${article.slug}` },
);

export const editArticleAction = formAction(
  editArticleSchema,
  async ({ slug, ...input }, caller, form, now, actor) =>
    updateArticle(caller, slug, input, actor, now, await filesFromForm(form, "files")),
  { read: editorFields, revalidate: () => ["/aide"], redirectTo: (article) => `/aide/${article.slug}` },
);

/** "Transformer en article" on the desk's page of a resolved ticket: a draft, opened in the editor. */
export const articleFromTicketAction = formAction(
  articleFromTicketSchema,
  async ({ reference }, caller, _form, now, actor) => startArticleFromTicket(caller, reference, actor, now),
  { redirectTo: (article) => `/aide/${article.slug}/modifier` },
);
