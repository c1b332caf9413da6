import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArticleEditor } from "@/components/knowledge/article-editor";
import { titled } from "@/i18n/page-title";
import { articleFileUrl } from "@/lib/api/article-json";
import { pageCaller } from "@/lib/auth/current-caller";
import { articleChangeRefusal, ARTICLE_STATES } from "@/lib/domain/articles";
import { readArticle } from "@/lib/services/knowledge/read-articles";
import { editArticleAction } from "../../actions";

export const generateMetadata = titled("editArticle");

type Props = { params: Promise<{ slug: string }> };

/** Changing an article (a new version): only the states the caller may move it to are offered. */
export default async function EditArticlePage({ params }: Props) {
  const caller = await pageCaller();
  const article = await readArticle(caller, (await params).slug);
  if (!article.ok) notFound();
  const current = article.value.state;
  const states = ARTICLE_STATES.filter((state) => articleChangeRefusal(caller, current, state) === null);
  if (!states.length) notFound();
  const t = await getTranslations("knowledge.editor");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("editTitle", { title: article.value.title })}</h1>
      <ArticleEditor
        action={editArticleAction}
        article={{
          ...article.value,
          files: article.value.files.map((file) => ({ ...file, url: articleFileUrl(article.value.slug, file.id) })),
        }}
        states={states}
      />
    </section>
  );
}
