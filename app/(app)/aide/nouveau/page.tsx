import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArticleEditor } from "@/components/knowledge/article-editor";
import { titled } from "@/i18n/page-title";
import { pageCaller } from "@/lib/auth/current-caller";
import { can } from "@/lib/domain/permissions";
import { createArticleAction } from "../actions";

export const generateMetadata = titled("newArticle");

/** Writing an article: technicians keep it a draft, the service lead and admins may publish it at once. */
export default async function NewArticlePage() {
  const caller = await pageCaller();
  if (!can(caller, "articles.write")) notFound();
  const t = await getTranslations("knowledge.editor");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
      <ArticleEditor action={createArticleAction} states={can(caller, "articles.publish") ? ["draft", "published"] : ["draft"]} />
    </section>
  );
}
