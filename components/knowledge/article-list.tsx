import Link from "next/link";
import { getTranslations } from "next-intl/server";

type Item = { slug: string; title: string; readCount: number; state: "draft" | "published" | "archived"; audience: "schools" | "staff" };

/** Articles as links, with their reads, and their state and audience when not plainly published for schools. */
export async function ArticleList({ items }: { items: Item[] }) {
  const t = await getTranslations("knowledge");
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((item) => (
        <li key={item.slug} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
          <Link href={`/aide/${item.slug}`} className="text-brand-700 underline">
            {item.title}
          </Link>
          <span className="text-xs text-slate-600">
            {item.state !== "published" && (
              <span className="mr-2 rounded bg-amber-100 px-1 text-amber-900">{t(`states.${item.state}`)}</span>
            )}
            {item.audience === "staff" && <span className="mr-2 rounded bg-slate-100 px-1">{t("staffOnly")}</span>}
            {t("reads", { count: item.readCount })}
          </span>
        </li>
      ))}
    </ul>
  );
}
