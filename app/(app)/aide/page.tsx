import Link from "next/link";
import { SearchBox } from "@/components/ui/search-box";
import { getTranslations } from "next-intl/server";
import { ArticleList } from "@/components/knowledge/article-list";
import { Panel } from "@/components/ui/panel";
import { titled } from "@/i18n/page-title";
import { pageCaller } from "@/lib/auth/current-caller";
import { can } from "@/lib/domain/permissions";
import { findArticles } from "@/lib/services/knowledge/read-articles";
import { readCatalogue } from "@/lib/services/tickets/catalogue";

export const generateMetadata = titled("help");

type Props = { searchParams: Promise<{ q?: string }> };

/** The knowledge base: search, or the articles by service, the most read first; writers also see drafts and archives. */
export default async function HelpPage({ searchParams }: Props) {
  const query = ((await searchParams).q ?? "").trim().slice(0, 200);
  const caller = await pageCaller();
  const [t, catalogue, articles] = await Promise.all([
    getTranslations("knowledge"),
    readCatalogue(),
    findArticles(caller, { q: query || undefined, limit: query ? 50 : 1000 }),
  ]);
  const bySchools = articles.filter((article) => article.state === "published");
  const others = articles.filter((article) => article.state !== "published");
  const unlinked = bySchools.filter((article) => article.services.length === 0);
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <span className="flex flex-wrap gap-4">
          {can(caller, "articles.write") && (
            <Link href="/aide/nouveau" className="text-brand-700 underline">
              {t("editor.write")}
            </Link>
          )}
          <Link href="/qui-fait-quoi" className="text-brand-700 underline">
            {t("whoDoesWhatLink")}
          </Link>
        </span>
      </div>
      <p className="text-slate-600">{t("intro")}</p>
      <SearchBox id="help-q" label={t("search")} placeholder={t("searchPlaceholder")} button={t("searchButton")} query={query} />
      {query ? (
        <Panel title={t("results", { count: articles.length, query })}>
          {articles.length ? <ArticleList items={articles} /> : <p>{t("noMatch")}</p>}
        </Panel>
      ) : (
        <>
          {catalogue.map((service) => {
            const items = bySchools.filter((article) => article.services.some((link) => link.code === service.code));
            return (
              items.length > 0 && (
                <Panel key={service.code} title={service.name}>
                  <ArticleList items={items} />
                </Panel>
              )
            );
          })}
          {unlinked.length > 0 && (
            <Panel title={t("otherArticles")}>
              <ArticleList items={unlinked} />
            </Panel>
          )}
          {can(caller, "articles.write") && others.length > 0 && (
            <Panel title={t("draftsAndArchives")}>
              <ArticleList items={others} />
            </Panel>
          )}
        </>
      )}
    </section>
  );
}
