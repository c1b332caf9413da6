import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArticleBody } from "@/components/knowledge/article-body";
import { DateTime } from "@/components/ui/date-time";
import { Panel } from "@/components/ui/panel";
import { pageTitle } from "@/i18n/page-title";
import { articleFileUrl } from "@/lib/api/article-json";
import { pageCaller } from "@/lib/auth/current-caller";
import { articleChangeRefusal, ARTICLE_STATES } from "@/lib/domain/articles";
import { can } from "@/lib/domain/permissions";
import { readArticle } from "@/lib/services/knowledge/read-articles";
import { countArticleRead } from "@/lib/services/knowledge/save-article";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ resolu?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await readArticle(await pageCaller(), (await params).slug);
  return article.ok ? { title: article.value.title } : pageTitle("notFound");
}

/** One article, its services and categories to file in; each opening counts a read. Writers see its versions. */
export default async function ArticlePage({ params, searchParams }: Props) {
  const [{ slug }, { resolu }] = await Promise.all([params, searchParams]);
  const resolved = resolu === "1";
  const caller = await pageCaller();
  const [t, article] = await Promise.all([getTranslations("knowledge"), readArticle(caller, slug)]);
  if (!article.ok) notFound();
  const { value } = article;
  // Back from "Cela a résolu mon problème", the article was just read on the filing form.
  if (value.state === "published" && !resolved) await countArticleRead(value.id);
  return (
    <article className="space-y-4" aria-labelledby="article-title">
      <p className="text-sm">
        <Link href="/aide" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      {resolved && (
        <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-emerald-900">
          {t("suggestions.thanks")}
        </p>
      )}
      <h1 id="article-title" className="text-2xl font-semibold">
        {value.title}
      </h1>
      <p className="text-sm text-slate-600">
        {value.state !== "published" && <span className="mr-2 rounded bg-amber-100 px-1 text-amber-900">{t(`states.${value.state}`)}</span>}
        {value.audience === "staff" && <span className="mr-2 rounded bg-slate-100 px-1">{t("staffOnly")}</span>}
        {t("updated")} <DateTime value={value.updatedAt} />
        {ARTICLE_STATES.some((state) => articleChangeRefusal(caller, value.state, state) === null) && (
          <Link href={`/aide/${value.slug}/modifier`} className="ml-3 text-brand-700 underline">
            {t("editor.edit")}
          </Link>
        )}
      </p>
      <ArticleBody markdown={value.body} className="rounded-lg border border-slate-200 bg-white p-4" />
      {value.files.length > 0 && (
        <Panel title={t("files")}>
          <ul className="list-disc pl-5">
            {value.files.map((file) => (
              <li key={file.id}>
                <a href={articleFileUrl(value.slug, file.id)} className="text-brand-700 underline">
                  {file.fileName}
                </a>
              </li>
            ))}
          </ul>
        </Panel>
      )}
      {value.categories.length > 0 && can(caller, "portal.use") && (
        <Panel title={t("stillStuck")}>
          <ul className="list-disc pl-5">
            {value.categories.map((category) => (
              <li key={category.code}>
                <Link href={`/signaler/${category.code}`} className="text-brand-700 underline">
                  {category.name}
                </Link>
              </li>
            ))}
          </ul>
        </Panel>
      )}
      {can(caller, "articles.write") && (
        <Panel title={t("versions")}>
          <ol className="space-y-1 text-sm">
            {value.versions.map((version) => (
              <li key={version.version}>
                {t("versionLine", { version: version.version, state: version.state, author: version.authorName ?? "—" })}{" "}
                <DateTime value={version.createdAt} />
              </li>
            ))}
          </ol>
        </Panel>
      )}
    </article>
  );
}
