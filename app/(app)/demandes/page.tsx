import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageTitle } from "@/i18n/page-title";
import { notFound } from "next/navigation";
import { RequesterTicketTable } from "@/components/tickets/requester-ticket-table";
import { TicketViewTabs } from "@/components/tickets/ticket-view-tabs";
import { Pager } from "@/components/ui/pager";
import { pageCaller } from "@/lib/auth/current-caller";
import { can } from "@/lib/domain/permissions";
import { TICKET_STATUSES } from "@/lib/domain/vocabulary";
import { encodeCursor } from "@/lib/schemas/cursor";
import { listTicketsQuery } from "@/lib/schemas/tickets";
import { readCatalogue } from "@/lib/services/tickets/catalogue";
import { listVisibleTickets } from "@/lib/services/tickets/list-tickets";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return pageTitle((await searchParams).vue === "etablissement" ? "schoolTickets" : "myTickets");
}

const FIELD = "mt-1 rounded-md border border-slate-300 px-3 py-2";

export default async function MyTicketsPage({ searchParams }: Props) {
  const { vue, ...raw } = await searchParams;
  const parsed = listTicketsQuery.safeParse(
    Object.fromEntries(Object.entries(raw).filter(([, value]) => typeof value === "string" && value)),
  );
  // A tampered query string falls back to the first, unfiltered page.
  const query = parsed.success ? parsed.data : listTicketsQuery.parse({});
  const schoolWide = vue === "etablissement";
  const caller = await pageCaller();
  if (!can(caller, "portal.use")) notFound();

  const [t, catalogue, page] = await Promise.all([
    getTranslations("tickets"),
    readCatalogue(),
    listVisibleTickets(caller, {
      mine: !schoolWide,
      status: query.status,
      serviceCode: query.service,
      q: query.q,
      after: query.cursor,
      limit: query.limit,
    }),
  ]);
  const filters = new URLSearchParams(
    Object.entries({ vue: schoolWide ? "etablissement" : undefined, status: query.status, service: query.service, q: query.q }).filter(
      (entry): entry is [string, string] => Boolean(entry[1]),
    ),
  );
  const nextHref = page.next ? `?${new URLSearchParams([...filters, ["cursor", encodeCursor(page.next)]])}` : null;
  const filtered = Boolean(query.status || query.service || query.q);

  return (
    <section>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("list.title")}</h1>
        <Link href="/signaler" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
          {t("list.file")}
        </Link>
      </div>
      <TicketViewTabs schoolWide={schoolWide} />
      <form className="mt-4 flex flex-wrap items-end gap-2" role="search">
        {schoolWide && <input type="hidden" name="vue" value="etablissement" />}
        <label className="text-sm">
          <span className="block">{t("list.search")}</span>
          <input name="q" type="search" defaultValue={query.q} className={FIELD} />
        </label>
        <label className="text-sm">
          <span className="block">{t("list.status")}</span>
          <select name="status" defaultValue={query.status ?? ""} className={FIELD}>
            <option value="">{t("list.allStatuses")}</option>
            {TICKET_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block">{t("list.service")}</span>
          <select name="service" defaultValue={query.service ?? ""} className={FIELD}>
            <option value="">{t("list.allServices")}</option>
            {catalogue.map((service) => (
              <option key={service.code} value={service.code}>
                {service.name}
              </option>
            ))}
          </select>
        </label>
        <button className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">{t("list.filter")}</button>
      </form>
      {page.items.length === 0 ? (
        <p className="mt-6 text-slate-600">
          {filtered || query.cursor ? t("list.empty") : t(schoolWide ? "list.emptyEstablishment" : "list.emptyMine")}
        </p>
      ) : (
        <RequesterTicketTable tickets={page.items} />
      )}
      <Pager nextHref={nextHref} firstHref={query.cursor ? `?${filters}` : null} nextLabel={t("list.next")} firstLabel={t("list.first")} />
    </section>
  );
}
