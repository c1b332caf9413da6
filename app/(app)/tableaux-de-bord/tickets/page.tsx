import Link from "next/link";
import { getLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { dashboardLabels } from "@/components/dashboard/dashboard-labels";
import { ReplicaLag } from "@/components/dashboard/replica-lag";
import { SpecTable } from "@/components/dashboard/spec-table";
import { Pager } from "@/components/ui/pager";
import { pageCaller } from "@/lib/auth/current-caller";
import { DASHBOARDS, dashboardLinks, regionalHref, schoolDashboardHref } from "@/lib/presentation/dashboard-links";
import { dateTime, lineTableFor } from "@/lib/presentation/dashboard-tables";
import { encodeCursor } from "@/lib/schemas/cursor";
import { drillDownQuery } from "@/lib/schemas/dashboards";
import { readDrillDown } from "@/lib/services/dashboards/drill-down";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("drillDown");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTER_KEYS = [
  "establishment",
  "zone",
  "open",
  "opened",
  "resolved",
  "status",
  "priority",
  "sla",
  "type",
  "service",
  "party",
  "team",
  "own",
  "intervened",
  "technician",
  "onSite",
] as const;
const frenchDay = (value: string) => value.split("-").reverse().join("/");

/** The list behind a dashboard figure: the same conditions the figure counted, newest first, with its CSV export. */
export default async function DrillDownPage({ searchParams }: Props) {
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""),
  );
  const parsed = drillDownQuery.safeParse(raw);
  const caller = await pageCaller();
  if (!parsed.success) notFound();
  const page = await readDrillDown(caller, parsed.data);
  if (!page.ok) notFound();
  const [{ t, table }, locale] = await Promise.all([dashboardLabels(), getLocale()]);
  const { scope, items, next } = page.value;
  const filters = new URLSearchParams(FILTER_KEYS.flatMap((key) => (raw[key] ? [[key, raw[key]!]] : [])));
  const zoneScope = scope.kind !== "establishment";
  const links = { ...dashboardLinks(caller, {}, { kind: "90d", from: "", to: "" }), school: (uai: string) => schoolDashboardHref(uai) };
  const now = new Date();
  const spec = lineTableFor("tickets", t("tables.tickets"), items, t, links, { locale, now }, zoneScope);
  const q = parsed.data;
  const chips = [
    q.open && t("drill.open"),
    q.opened && t("drill.opened", { from: frenchDay(q.opened.split("..")[0]!), to: frenchDay(q.opened.split("..")[1]!) }),
    q.resolved && t("drill.resolved", { from: frenchDay(q.resolved.split("..")[0]!), to: frenchDay(q.resolved.split("..")[1]!) }),
    q.status && t(`statuses.${q.status}`),
    q.priority,
    q.sla && (q.sla === "alert" ? `${t("slaStates.at_risk")} / ${t("slaStates.breached")}` : t(`slaStates.${q.sla}`)),
    q.type && t(`types.${q.type}`),
    q.service,
    q.party && t(`parties.${q.party}`),
    q.team,
    q.own && t("drill.own"),
    q.intervened && t("drill.intervened", { from: frenchDay(q.intervened.split("..")[0]!), to: frenchDay(q.intervened.split("..")[1]!) }),
    q.technician && t("drill.technician"),
    q.onSite && t("drill.onSite"),
  ].filter((chip): chip is string => Boolean(chip));
  const back = scope.kind === "establishment" ? schoolDashboardHref(scope.uai) : regionalHref(scope.kind === "zone" ? scope.code : null);
  const scopeName = scope.kind === "all" ? t("zoneAll") : scope.name;

  return (
    <section className="space-y-4">
      <p className="text-sm">
        <Link href={back} className="text-brand-700 underline">
          {t("drill.back")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">
        {t("drill.title")} · {scopeName}
      </h1>
      <p className="text-sm text-slate-600">
        {t("computedAt", { at: dateTime(now.toISOString(), locale) })}
        <ReplicaLag />
      </p>
      <ul aria-label={t("drill.filters")} className="flex flex-wrap gap-2 text-sm">
        {chips.map((chip) => (
          <li key={chip} className="rounded-full bg-brand-50 px-3 py-1 text-brand-800">
            {chip}
          </li>
        ))}
      </ul>
      {items.length === 0 && !q.cursor ? (
        <p className="text-slate-600">{t("drill.empty")}</p>
      ) : (
        <SpecTable table={spec} labels={table(spec.title)} csvHref={`${DASHBOARDS}/csv/tickets?${filters}`} />
      )}
      <Pager
        nextHref={next ? `?${new URLSearchParams([...filters, ["cursor", encodeCursor(next)]])}` : null}
        firstHref={q.cursor ? `?${filters}` : null}
        nextLabel={t("drill.next")}
        firstLabel={t("drill.first")}
      />
    </section>
  );
}
