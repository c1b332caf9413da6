import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { DateTime, Day } from "@/components/ui/date-time";
import { titled } from "@/i18n/page-title";
import { pageCaller } from "@/lib/auth/current-caller";
import { readDeliveries } from "@/lib/services/deliveries/read-deliveries";

export const generateMetadata = titled("deliveries");

/** The deliveries the caller sees: a school's staff their school's, to check; the Région's staff every school's. */
export default async function DeliveriesPage() {
  const caller = await pageCaller();
  const list = await readDeliveries(caller, new Date());
  if (!list) notFound();
  const t = await getTranslations("deliveries");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("list.intro")}</p>
      {list.canCreate && (
        <p>
          <Link className="text-brand-700 underline" href="/livraisons/nouvelle">
            {t("list.create")}
          </Link>
        </p>
      )}
      {list.items.length === 0 ? (
        <p>{t("list.empty")}</p>
      ) : (
        <DataTable
          cards
          label={t("title")}
          columns={[t("list.school"), t("list.supplier"), t("list.deliveredOn"), t("list.state"), t("list.checkBy")]}
        >
          {list.items.map((delivery) => (
            <tr key={delivery.id} className="border-t border-slate-100">
              <td className="px-3 py-2">
                <Link className="text-brand-700 underline" href={`/livraisons/${delivery.id}`}>
                  {t("list.link", { school: delivery.establishmentName, supplier: delivery.supplier })}
                </Link>
              </td>
              <td className="px-3 py-2" data-wide-only>
                {delivery.supplier}
              </td>
              <td className="px-3 py-2">
                <Day value={delivery.deliveredOn} />
              </td>
              <td className="px-3 py-2">{t(`states.${delivery.state}`)}</td>
              <td className="px-3 py-2">
                <DateTime value={delivery.checkBy} style="short" />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
