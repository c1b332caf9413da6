import Link from "next/link";
import { SearchBox } from "@/components/ui/search-box";
import { getTranslations } from "next-intl/server";
import { Panel } from "@/components/ui/panel";
import { titled } from "@/i18n/page-title";
import { pageCaller } from "@/lib/auth/current-caller";
import { whoDoesWhat } from "@/lib/knowledge/task-sharing";
import { readCatalogue } from "@/lib/services/tickets/catalogue";

export const generateMetadata = titled("whoDoesWhat");

type Props = { searchParams: Promise<{ q?: string }> };

const PARTIES = ["school", "region", "academy"] as const;

/** "Qui fait quoi ?": the convention's task sharing (seed 002, Annexe I), searchable, each task leading to where to go. */
export default async function WhoDoesWhatPage({ searchParams }: Props) {
  const query = ((await searchParams).q ?? "").trim().slice(0, 100);
  await pageCaller();
  const [t, catalogue] = await Promise.all([getTranslations("knowledge.whoDoesWhat"), readCatalogue()]);
  const groups = whoDoesWhat(
    query,
    catalogue.flatMap((service) => service.categories),
  );
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-600">{t("intro")}</p>
      <SearchBox id="tasks-q" label={t("search")} placeholder={t("searchPlaceholder")} button={t("searchButton")} query={query} />
      {groups.length === 0 && <p>{t("noMatch", { query })}</p>}
      {groups.map((group) => (
        <Panel key={group.area} title={group.area}>
          <ul className="divide-y divide-slate-100">
            {group.tasks.map((task) => (
              <li key={task.activity} className="py-2">
                <p className="font-medium">{task.activity}</p>
                <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
                  {PARTIES.map((party) => (
                    <span key={party}>
                      {t(`parties.${party}`)} : {task[party] === null ? t("no") : task[party] === "yes" ? t("yes") : task[party]}
                    </span>
                  ))}
                </p>
                {task.link && (
                  <Link href={task.link.href} className="mt-1 inline-block text-sm text-brand-700 underline">
                    {t(`links.${task.link.kind}`)}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </Panel>
      ))}
    </section>
  );
}
