import Link from "next/link";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { pageCaller } from "@/lib/auth/current-caller";
import { CI_STATUSES } from "@/lib/domain/vocabulary";
import { listCisQuery } from "@/lib/schemas/cis";
import { schoolInventory } from "@/lib/services/cmdb/school-inventory";
import { titledOnceFound } from "@/i18n/page-title";

type Props = { params: Promise<{ uai: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The school's inventory the caller may see, or the 404 page; one lookup per request for the title and the body. */
const visibleInventory = cache(async (rawUai: string, rawAge: string | string[] | undefined) => {
  const age = listCisQuery.shape.renewalAge.safeParse(rawAge || undefined);
  const inventory = await schoolInventory(await pageCaller(), rawUai.toUpperCase(), age.success ? age.data : undefined, new Date());
  if (!inventory) notFound();
  return inventory;
});

const inventoryOf = async ({ params, searchParams }: Props) => visibleInventory((await params).uai, (await searchParams).renewalAge);

export const generateMetadata = titledOnceFound("schoolInventory", inventoryOf);

/** One school's inventory: counts by class and status, renewal candidates, rooms with their models (mixed rooms flagged). */
export default async function SchoolInventoryPage(props: Props) {
  const inventory = await inventoryOf(props);
  const t = await getTranslations("cmdb");
  const { school } = inventory;
  const listHref = (extra: Record<string, string>) => `/inventaire?${new URLSearchParams({ establishment: school.uai, ...extra })}`;

  return (
    <section className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm text-slate-500">
            {school.uai} · {school.type} · {school.city} · {school.zone}
          </p>
          <h1 className="text-2xl font-semibold">{t("school.title", { name: school.name })}</h1>
          <p className="text-slate-600">{t("school.total", { count: inventory.total })}</p>
        </div>
        <nav className="flex flex-wrap gap-3 text-sm">
          <Link className="text-brand-700 underline" href={listHref({})}>
            {t("school.list")}
          </Link>
          <a className="text-brand-700 underline" href={`/api/v1/cis/export?establishment=${school.uai}`} download>
            {t("export")}
          </a>
          {inventory.canWrite && (
            <Link className="text-brand-700 underline" href={`/inventaire/nouveau?etablissement=${school.uai}`}>
              {t("create")}
            </Link>
          )}
        </nav>
      </div>

      <Panel title={t("school.renewalTitle")}>
        <p className="text-sm">
          {t("school.renewalCount", { count: inventory.renewalCandidates, age: inventory.renewalAgeYears })}{" "}
          {inventory.renewalCandidates > 0 && (
            <Link className="text-brand-700 underline" href={listHref({ renewal: "true", renewalAge: String(inventory.renewalAgeYears) })}>
              {t("school.renewalLink")}
            </Link>
          )}
        </p>
      </Panel>

      <Panel title={t("school.byClass")}>
        <DataTable columns={[t("school.classColumn"), ...CI_STATUSES.map((status) => t(`statuses.${status}`)), t("school.totalColumn")]}>
          {inventory.counts.map((row) => (
            <tr key={row.class} className="border-t border-slate-100">
              <td className="px-3 py-2">
                <Link className="text-brand-700 underline" href={listHref({ class: row.class })}>
                  {t(`classes.${row.class}`)}
                </Link>
              </td>
              {CI_STATUSES.map((status) => (
                <td key={status} className="px-3 py-2 tabular-nums">
                  {row.byStatus[status] ? (
                    <Link className="underline decoration-slate-300" href={listHref({ class: row.class, status })}>
                      {row.byStatus[status]}
                    </Link>
                  ) : (
                    <span className="text-slate-400">0</span>
                  )}
                </td>
              ))}
              <td className="px-3 py-2 font-medium tabular-nums">{row.total}</td>
            </tr>
          ))}
        </DataTable>
      </Panel>

      <Panel title={t("school.rooms")}>
        <p className="text-sm text-slate-600">{t("school.roomsHelp")}</p>
        {inventory.rooms.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("school.noRooms")}</p>
        ) : (
          <DataTable columns={[t("school.roomColumn"), t("school.modelsColumn"), ""]}>
            {inventory.rooms.map((room) => (
              <tr
                key={`${room.building ?? ""}|${room.room}`}
                className={`border-t border-slate-100 ${room.homogeneous ? "" : "bg-amber-50"}`}
                data-homogeneous={room.homogeneous}
              >
                <td className="px-3 py-2 font-medium">
                  <Link className="text-brand-700 underline" href={listHref({ room: room.room })}>
                    {[room.building, room.room].filter(Boolean).join(" · ")}
                  </Link>
                </td>
                <td className="px-3 py-2">
                  <ul>
                    {room.models.map((model) => (
                      <li key={`${model.class}|${model.brand}|${model.model}`}>
                        {model.count} × {t(`classes.${model.class}`)} {[model.brand, model.model].filter(Boolean).join(" ")}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="px-3 py-2">
                  {room.homogeneous ? (
                    <span className="text-emerald-800">{t("school.homogeneous")}</span>
                  ) : (
                    <strong className="text-amber-900">{t("school.notHomogeneous")}</strong>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Panel>
    </section>
  );
}
