import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { z } from "zod";
import { CheckForm } from "@/components/deliveries/check-form";
import { DataTable } from "@/components/ui/data-table";
import { DateTime, Day } from "@/components/ui/date-time";
import { Panel } from "@/components/ui/panel";
import { titledOnceFound } from "@/i18n/page-title";
import { pageCaller } from "@/lib/auth/current-caller";
import { deliveryPage } from "@/lib/services/deliveries/read-deliveries";
import { checkFromPage } from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const visibleDelivery = cache(async (rawId: string) => {
  const id = z.uuid().safeParse(rawId);
  if (!id.success) notFound();
  const found = await deliveryPage(await pageCaller(), id.data, new Date());
  if (!found) notFound();
  return found;
});

export const generateMetadata = titledOnceFound("delivery", async ({ params }: Props) => visibleDelivery((await params).id));

/** One delivery: its lines as expected and as checked, the deadline of the check, the check's form for the school, the items it brought. */
export default async function DeliveryPage({ params, searchParams }: Props) {
  const { delivery, checkable, replaceable, items } = await visibleDelivery((await params).id);
  const justChecked = (await searchParams).controle === "1" && (delivery.state === "checked" || delivery.state === "with_anomalies");
  const t = await getTranslations("deliveries");
  return (
    <article className="space-y-4">
      <Link href="/livraisons" className="text-sm text-brand-700 underline">
        {t("page.back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("page.heading", { supplier: delivery.supplier, school: delivery.establishmentName })}</h1>
      {justChecked && (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-3 font-medium text-emerald-900">
          {t(delivery.state === "with_anomalies" ? "check.doneWithAnomalies" : "check.done", { reference: delivery.ticketReference ?? "" })}
        </p>
      )}
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">{t("page.state")}</dt>
        <dd className="font-medium">{t(`states.${delivery.state}`)}</dd>
        <dt className="text-slate-500">{t("page.deliveredOn")}</dt>
        <dd>
          <Day value={delivery.deliveredOn} style="longDay" />
        </dd>
        <dt className="text-slate-500">{t("page.checkBy")}</dt>
        <dd>
          <DateTime value={delivery.checkBy} />
        </dd>
        {delivery.campaignYear !== null && (
          <>
            <dt className="text-slate-500">{t("page.campaign")}</dt>
            <dd>{delivery.campaignYear}</dd>
          </>
        )}
        {delivery.ticketReference && (
          <>
            <dt className="text-slate-500">{t("page.ticket")}</dt>
            <dd>
              <Link className="text-brand-700 underline" href={`/demandes/${delivery.ticketReference}`}>
                {delivery.ticketReference}
              </Link>
            </dd>
          </>
        )}
      </dl>
      <Panel title={t("page.lines")}>
        <DataTable
          cards
          label={t("page.lines")}
          columns={[t("page.line"), t("page.quantity"), t("page.room"), t("page.received"), t("page.anomaly")]}
        >
          {delivery.lines.map((line) => (
            <tr key={line.id} className="border-t border-slate-100">
              <td className="px-3 py-2">{t("page.lineLabel", { position: line.position, label: line.label, model: line.model })}</td>
              <td className="px-3 py-2">{t("page.expected", { quantity: line.quantity })}</td>
              <td className="px-3 py-2">{line.room ?? "—"}</td>
              <td className="px-3 py-2">
                {line.received === null ? t("page.notChecked") : t("page.receivedCount", { received: line.received })}
              </td>
              <td className="px-3 py-2">
                {line.anomaly
                  ? `${t(`anomalies.${line.anomaly}`)}${line.anomalySerials.length ? ` (${line.anomalySerials.join(", ")})` : ""}`
                  : "—"}
              </td>
            </tr>
          ))}
        </DataTable>
      </Panel>
      {checkable && (
        <Panel title={t("check.title")}>
          <p className="mb-3 text-sm text-slate-600">{t("check.intro")}</p>
          <CheckForm action={checkFromPage} deliveryId={delivery.id} lines={delivery.lines} replaceable={replaceable} />
        </Panel>
      )}
      {items.length > 0 && (
        <Panel title={t("page.items", { count: items.length })}>
          <ul className="grid gap-1 text-sm sm:grid-cols-2">
            {items.map((item) => (
              <li key={item.ciId}>
                <Link className="text-brand-700 underline" href={`/inventaire/equipements/${item.ciId}`}>
                  {item.name}
                </Link>
              </li>
            ))}
          </ul>
        </Panel>
      )}
      <p className="text-sm">
        <Link className="text-brand-700 underline" href={`/livraisons/recyclage/${delivery.uai}`}>
          {t("page.recycling")}
        </Link>
      </p>
    </article>
  );
}
