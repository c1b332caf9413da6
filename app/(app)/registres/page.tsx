import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { DelegationGapNotice, DelegationTable, FilteringTable } from "@/components/registers/register-tables";
import { pageCaller } from "@/lib/auth/current-caller";
import { registersPageQuery } from "@/lib/schemas/registers";
import { readAllRegisters } from "@/lib/services/registers/read-registers";

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("registers");
  return { title: t("allTitle") };
}

/** Every school's registers for the security team and the Région (a sector lead: their zone), with filters and CSV exports. */
export default async function AllRegistersPage({ searchParams }: Props) {
  const parsed = registersPageQuery.safeParse(await searchParams);
  // A tampered query string falls back to everything.
  const query = parsed.success ? parsed.data : {};
  const caller = await pageCaller();
  const filters = { uai: query.uai, inForce: query.inForce === "1" };
  const registers = await readAllRegisters(caller, filters, new Date());
  if (!registers) notFound();
  const t = await getTranslations("registers");
  const csvQuery = new URLSearchParams(
    Object.entries({ uai: query.uai, inForce: query.inForce }).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
  const ticketHref = (reference: string) => `/bureau/tickets/${reference}`;
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("allTitle")}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <form className="flex flex-wrap items-end gap-3" role="search">
        <label className="text-sm">
          <span className="block">{t("filters.school")}</span>
          <input name="uai" defaultValue={query.uai} className="mt-1 rounded-md border border-slate-300 px-3 py-2 font-mono" />
        </label>
        <label className="flex items-center gap-2 py-2 text-sm">
          <input type="checkbox" name="inForce" value="1" defaultChecked={query.inForce === "1"} />
          {t("filters.inForce")}
        </label>
        <button className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">{t("filters.apply")}</button>
      </form>
      <article className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="gaps-title">
        <h2 id="gaps-title" className="text-lg font-semibold">
          {t("gaps.title")}
        </h2>
        {registers.gaps.length === 0 ? (
          <p className="text-sm text-slate-600">{t("gaps.none")}</p>
        ) : (
          registers.gaps.map((gap) => <DelegationGapNotice key={gap.school.uai} gap={gap} withSchool />)
        )}
      </article>
      <article className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="filtering-title">
        <h2 id="filtering-title" className="text-lg font-semibold">
          {t("filtering.title")}
        </h2>
        <p className="mt-1 text-sm">
          <a className="text-brand-700 underline" href={`/registres/csv/filtering${csvQuery ? `?${csvQuery}` : ""}`} download>
            {t("filters.csvFiltering")}
          </a>
        </p>
        <FilteringTable rows={registers.filtering} schoolColumn ticketHref={ticketHref} />
      </article>
      <article className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="delegations-title">
        <h2 id="delegations-title" className="text-lg font-semibold">
          {t("delegations.title")}
        </h2>
        <p className="mt-1 text-sm">
          <a className="text-brand-700 underline" href={`/registres/csv/delegations${csvQuery ? `?${csvQuery}` : ""}`} download>
            {t("filters.csvDelegations")}
          </a>
        </p>
        <DelegationTable rows={registers.delegations} schoolColumn ticketHref={ticketHref} />
      </article>
      <p className="text-sm">
        <Link className="text-brand-700 underline" href="/etablissements">
          {t("backToSchools")}
        </Link>
      </p>
    </section>
  );
}
