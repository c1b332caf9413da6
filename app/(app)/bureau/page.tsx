import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pageTitle } from "@/i18n/page-title";
import { notFound } from "next/navigation";
import { BulkForm } from "@/components/desk/bulk-form";
import { QueueFilters } from "@/components/desk/queue-filters";
import { QueueNav } from "@/components/desk/queue-nav";
import { QueueTable } from "@/components/desk/queue-table";
import { SavedViews } from "@/components/desk/saved-views";
import { Fold } from "@/components/shell/fold";
import { Pager } from "@/components/ui/pager";
import { pageCaller } from "@/lib/auth/current-caller";
import { can } from "@/lib/domain/permissions";
import { takesCalls } from "@/lib/domain/phone-calls";
import { encodeCursor } from "@/lib/schemas/cursor";
import { SAVED_VIEW_KEYS, viewSearch } from "@/lib/schemas/saved-views";
import { queueQuery } from "@/lib/schemas/tickets";
import { readCatalogue } from "@/lib/services/tickets/catalogue";
import { listAllZones } from "@/lib/services/organisation/list-establishments";
import { queueFilters, queueKey } from "@/lib/services/desk/queue-request";
import { majorIncidentChoices } from "@/lib/services/desk/desk-options";
import { listQueue, queueCounts } from "@/lib/services/desk/queues";
import { listSavedViews } from "@/lib/services/tickets/saved-views";
import { deleteView, saveCurrentView, updateSelection } from "./actions";
import { requestTranslator } from "@/lib/auth/request-translator";
import { fieldErrors } from "@/lib/schemas/field-errors";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Each queue has its own title: the caller's, the unassigned, at risk, or a team's (by its code). */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { file } = await searchParams;
  const queue = typeof file === "string" && file.trim() ? file.trim() : "mine";
  return queue === "mine" || queue === "unassigned" || queue === "at-risk"
    ? pageTitle(`desk.${queue}`)
    : pageTitle("desk.team", { team: queue });
}

export default async function DeskPage({ searchParams }: Props) {
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""),
  );
  const caller = await pageCaller();
  const counts = await queueCounts(caller);
  if (!counts) notFound();

  // Every queue opens on "mine", even before the caller holds a ticket: an empty list says so plainly.
  const file = raw.file?.trim() || "mine";
  const parsed = queueQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : queueQuery.parse({});
  const [t, tSla, tShell, page, views, zones, catalogue, majors] = await Promise.all([
    getTranslations("desk"),
    getTranslations("sla.queue"),
    getTranslations("shell"),
    listQueue(caller, queueKey(file), queueFilters(query)),
    listSavedViews(caller),
    listAllZones(),
    readCatalogue(),
    majorIncidentChoices(caller, new Date()),
  ]);
  if (!page.ok) notFound();
  const say = await requestTranslator();

  // The address without its page: what a saved view remembers and what the pager carries on.
  const current = viewSearch({ ...raw, file });
  const nextHref = page.value.next ? `?${new URLSearchParams([...current, ["cursor", encodeCursor(page.value.next)]])}` : null;
  const atRisk = file === "at-risk";
  const title =
    file === "mine" || file === "unassigned"
      ? t(`queues.${file}`)
      : atRisk
        ? tSla("atRisk")
        : (counts.teams.find((team) => team.code === file)?.name ?? file);
  const filtered = SAVED_VIEW_KEYS.some((key) => key !== "file" && key !== "sort" && raw[key]);
  const empty = (
    <p className="mt-6 text-slate-600">{filtered || query.cursor ? t("emptyFiltered") : atRisk ? tSla("empty") : t("empty")}</p>
  );

  return (
    <div className="grid gap-6 lg:grid-cols-[15rem_1fr]">
      <aside className="space-y-6">
        <QueueNav counts={counts} current={file} />
        <Fold label={tShell("fold.views")} closeLabel={tShell("fold.hideViews")}>
          <SavedViews views={views} currentQuery={current.toString()} saveAction={saveCurrentView} deleteAction={deleteView} />
        </Fold>
      </aside>
      <section className="min-w-0">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <div>
            <p className="text-sm text-slate-500">{t("title")}</p>
            <h1 className="text-2xl font-semibold">{title}</h1>
          </div>
          {takesCalls(caller) && (
            <Link href="/bureau/appel" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
              {t("calls.action")}
            </Link>
          )}
        </div>
        {atRisk && <p className="mt-1 text-sm text-slate-600">{tSla("atRiskIntro")}</p>}
        <div className="mt-4">
          <Fold label={tShell(filtered ? "fold.filtersActive" : "fold.filters")} closeLabel={tShell("fold.hideFilters")}>
            <QueueFilters file={file} values={raw} zones={zones} services={catalogue} defaultSort={atRisk ? "due_asc" : undefined} />
          </Fold>
        </div>
        {!parsed.success && (
          <ul role="alert" className="mt-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            {fieldErrors(parsed.error).map((problem) => (
              <li key={`${problem.field} ${problem.message}`}>{say(problem.message, problem.values)}</li>
            ))}
          </ul>
        )}
        {can(caller, "tickets.work") ? (
          <BulkForm action={updateSelection} hasRows={page.value.items.length > 0} majors={majors}>
            {page.value.items.length > 0 ? <QueueTable items={page.value.items} /> : empty}
          </BulkForm>
        ) : page.value.items.length > 0 ? (
          <div className="mt-4">
            <QueueTable items={page.value.items} selectable={false} />
          </div>
        ) : (
          empty
        )}
        <Pager nextHref={nextHref} firstHref={query.cursor ? `?${current}` : null} nextLabel={t("next")} firstLabel={t("first")} />
      </section>
    </div>
  );
}
