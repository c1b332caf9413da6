import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { DataTable } from "@/components/ui/data-table";
import { Day } from "@/components/ui/date-time";
import { titledOnceFound } from "@/i18n/page-title";
import { pageCaller } from "@/lib/auth/current-caller";
import { parisDay } from "@/lib/domain/business-calendar";
import { recyclingPage } from "@/lib/services/deliveries/recycling-csv";

type Props = { params: Promise<{ uai: string }> };

const visibleList = cache(async (uai: string) => {
  const found = await recyclingPage(await pageCaller(), uai.toUpperCase());
  if (!found) notFound();
  return found;
});

export const generateMetadata = titledOnceFound("recycling", async ({ params }: Props) => visibleList((await params).uai));

/** The school's items its deliveries replaced, to recycle within the PRELP, with the CSV for the collection. */
export default async function RecyclingPage({ params }: Props) {
  const { school, items } = await visibleList((await params).uai);
  const t = await getTranslations();
  return (
    <section className="space-y-4">
      <Link href="/livraisons" className="text-sm text-brand-700 underline">
        {t("deliveries.page.back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("deliveries.recycling.heading", { school: school.name })}</h1>
      <p className="text-sm text-slate-600">{t("deliveries.recycling.intro")}</p>
      {items.length === 0 ? (
        <p>{t("deliveries.recycling.empty")}</p>
      ) : (
        <>
          <p>
            <a className="text-brand-700 underline" href={`/livraisons/recyclage/${school.uai}/csv`} download>
              {t("deliveries.recycling.csv")}
            </a>
          </p>
          <DataTable
            cards
            label={t("deliveries.recycling.heading", { school: school.name })}
            columns={["name", "class", "room", "model", "serial", "replacedOn"].map((key) => t(`deliveries.recycling.columns.${key}`))}
          >
            {items.map((item) => (
              <tr key={item.ciId} className="border-t border-slate-100">
                <td className="px-3 py-2">
                  <Link className="text-brand-700 underline" href={`/inventaire/equipements/${item.ciId}`}>
                    {item.name}
                  </Link>
                </td>
                <td className="px-3 py-2">{t(`cmdb.classes.${item.class}`)}</td>
                <td className="px-3 py-2">{item.room ?? "—"}</td>
                <td className="px-3 py-2">{item.model ?? "—"}</td>
                <td className="px-3 py-2">{item.serialNumber ?? "—"}</td>
                <td className="px-3 py-2">
                  <Day value={parisDay(item.replacedAt)} />
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
