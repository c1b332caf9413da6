import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SupportModeBadge } from "@/components/establishments/support-mode-badge";
import { DataTable } from "@/components/ui/data-table";
import { Pager } from "@/components/ui/pager";
import { pageCaller } from "@/lib/auth/current-caller";
import { can } from "@/lib/domain/permissions";
import { encodeCursor } from "@/lib/schemas/cursor";
import { listEstablishmentsQuery } from "@/lib/schemas/establishments";
import { listAllZones, listVisibleEstablishments } from "@/lib/services/organisation/list-establishments";
import { titled } from "@/i18n/page-title";
import { readsAllRegisters } from "@/lib/services/registers/read-registers";

export const generateMetadata = titled("establishments");

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function EstablishmentsPage({ searchParams }: Props) {
  const raw = await searchParams;
  const parsed = listEstablishmentsQuery.safeParse(Object.fromEntries(Object.entries(raw).filter(([, value]) => value)));
  // A tampered query string falls back to the first, unfiltered page.
  const query = parsed.success ? parsed.data : listEstablishmentsQuery.parse({});
  const caller = await pageCaller();
  if (!can(caller, "establishments.read_all")) notFound();

  const [t, tRegisters, allRegisters, zoneList, page] = await Promise.all([
    getTranslations("establishments"),
    getTranslations("registers"),
    readsAllRegisters(caller),
    listAllZones(),
    listVisibleEstablishments(caller, { zoneCode: query.zone, q: query.q, after: query.cursor, limit: query.limit }),
  ]);
  const filters = new URLSearchParams(
    Object.entries({ zone: query.zone, q: query.q }).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  const nextHref = page.next ? `?${new URLSearchParams([...filters, ["cursor", encodeCursor(page.next)]])}` : null;

  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {allRegisters && (
        <p className="mt-2 text-sm">
          <Link className="text-brand-700 underline" href="/registres">
            {tRegisters("openAll")}
          </Link>
        </p>
      )}
      <form className="mt-4 flex flex-wrap items-end gap-2" role="search">
        <label className="text-sm">
          <span className="block">{t("search")}</span>
          <input name="q" defaultValue={query.q} className="mt-1 rounded-md border border-slate-300 px-3 py-2" />
        </label>
        <label className="text-sm">
          <span className="block">{t("zone")}</span>
          <select name="zone" defaultValue={query.zone ?? ""} className="mt-1 rounded-md border border-slate-300 px-3 py-2">
            <option value="">{t("allZones")}</option>
            {zoneList.map((zone) => (
              <option key={zone.code} value={zone.code}>
                {zone.name}
              </option>
            ))}
          </select>
        </label>
        <button className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">{t("filter")}</button>
      </form>
      {page.items.length === 0 ? (
        <p className="mt-6 text-slate-600">{t("empty")}</p>
      ) : (
        <DataTable columns={[t("name"), t("uai"), t("city"), t("zone"), t("supportMode"), t("inventory")]}>
          {page.items.map((school) => (
            <tr key={school.id} className="border-t border-slate-100">
              <td className="px-3 py-2">
                <Link className="text-brand-700 underline" href={`/etablissements/${school.uai}`}>
                  {school.name}
                </Link>{" "}
                <span className="text-slate-500">({school.type})</span>
              </td>
              <td className="px-3 py-2 font-mono">{school.uai}</td>
              <td className="px-3 py-2">{school.city}</td>
              <td className="px-3 py-2">{school.zone.name}</td>
              <td className="px-3 py-2">
                <SupportModeBadge mode={school.supportMode} />
              </td>
              <td className="px-3 py-2">
                <Link className="text-brand-700 underline" href={`/inventaire/etablissements/${school.uai}`}>
                  {t("inventory")}
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager nextHref={nextHref} firstHref={query.cursor ? `?${filters}` : null} nextLabel={t("next")} firstLabel={t("first")} />
    </section>
  );
}
