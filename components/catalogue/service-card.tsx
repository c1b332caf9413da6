import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ArticleBody } from "@/components/knowledge/article-body";
import { Explained } from "@/components/ui/explained";

type Category = { code: string; name: string; type: "incident" | "request"; schoolTask: string | null; open: boolean };
type Props = {
  service: {
    code: string;
    name: string;
    deliveryMode: string;
    includes: string[];
    excludes: string[];
    procedure: string;
    categories: Category[];
  };
  canFile: boolean;
  /** The service's "Conseils" and "Plus d'infos" (an article of the knowledge base), when there are some. */
  advice?: { slug: string; body: string };
};

/** One service of the catalogue: what it covers and does not, how to ask, what to report and what to ask for. */
export async function ServiceCard({ service, canFile, advice }: Props) {
  const t = await getTranslations("catalogue");
  return (
    <article id={service.code} className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={`${service.code}-title`}>
      <h2 id={`${service.code}-title`} className="text-lg font-semibold">
        {service.name}
      </h2>
      <p className="text-sm text-slate-600">
        {t.rich("deliveryMode", { mode: service.deliveryMode, term: () => <Explained text={service.deliveryMode} /> })}
      </p>
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        <section>
          <h3 className="text-sm font-semibold text-emerald-800">{t("includes")}</h3>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {service.includes.map((line) => (
              <li key={line}>
                <Explained text={line} />
              </li>
            ))}
          </ul>
        </section>
        <section>
          <h3 className="text-sm font-semibold text-red-800">{t("excludes")}</h3>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {service.excludes.map((line) => (
              <li key={line}>
                <Explained text={line} />
              </li>
            ))}
          </ul>
        </section>
      </div>
      <p className="mt-3 text-sm">
        <span className="font-semibold">{t("procedure")} : </span>
        <Explained text={service.procedure} />
      </p>
      {advice && (
        <details className="mt-3 rounded-md border border-sky-100 bg-sky-50 p-3 text-sm">
          <summary className="cursor-pointer font-semibold text-sky-950">{t("advice")}</summary>
          <ArticleBody markdown={advice.body} className="mt-2" />
          <Link href={`/aide/${advice.slug}`} className="mt-2 inline-block text-brand-700 underline">
            {t("adviceLink")}
          </Link>
        </details>
      )}
      {(["incident", "request"] as const).map((type) => {
        const categories = service.categories.filter((category) => category.type === type);
        const act = t(type === "incident" ? "report" : "ask");
        return (
          categories.length > 0 && (
            <section key={type}>
              <h3 className="mt-4 text-sm font-semibold">{t(type === "incident" ? "categories" : "requestCategories")}</h3>
              <ul className="mt-1 divide-y divide-slate-100 text-sm">
                {categories.map((category) => (
                  <li key={category.code} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>
                      <Explained text={category.name} />{" "}
                      {category.schoolTask && (
                        <span className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-800">{t("schoolTask")}</span>
                      )}
                    </span>
                    {canFile &&
                      (category.open ? (
                        <Link
                          href={`/signaler/${category.code}`}
                          className="rounded-md bg-brand-700 px-3 py-1 text-white hover:bg-brand-800"
                          aria-label={`${act} : ${category.name}`}
                        >
                          {act}
                        </Link>
                      ) : (
                        <span className="text-xs text-slate-500">{t("closed")}</span>
                      ))}
                  </li>
                ))}
              </ul>
            </section>
          )
        );
      })}
    </article>
  );
}
