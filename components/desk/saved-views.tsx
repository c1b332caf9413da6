import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { FormAction } from "@/components/ui/use-action-form";
import { viewSearch } from "@/lib/schemas/saved-views";
import { DeleteViewButton } from "./delete-view-button";
import { SaveViewForm } from "./save-view-form";

type Props = {
  views: Array<{ id: string; name: string; query: Record<string, string> }>;
  /** The workspace's address as it stands, without the page cursor. */
  currentQuery: string;
  saveAction: FormAction;
  deleteAction: FormAction;
};

/** The caller's saved views as links, and the form saving the current one. */
export async function SavedViews({ views, currentQuery, saveAction, deleteAction }: Props) {
  const t = await getTranslations("desk.views");
  return (
    <section aria-labelledby="saved-views-title">
      <h2 id="saved-views-title" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
        {t("title")}
      </h2>
      {views.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t("none")}</p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm">
          {views.map((view) => (
            <li key={view.id} className="flex items-start justify-between gap-2 px-3 py-1">
              <Link className="text-brand-700 underline" href={`/bureau?${viewSearch(view.query)}`}>
                {view.name}
              </Link>
              <DeleteViewButton id={view.id} name={view.name} action={deleteAction} />
            </li>
          ))}
        </ul>
      )}
      <div className="mt-3">
        <SaveViewForm action={saveAction} query={currentQuery} />
      </div>
    </section>
  );
}
