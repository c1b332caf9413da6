import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ImportForm } from "@/components/import/import-form";
import { database } from "@/db/client";
import { titled } from "@/i18n/page-title";
import { pageCaller } from "@/lib/auth/current-caller";
import { parisDay } from "@/lib/domain/business-calendar";
import { managesDeliveries } from "@/lib/services/deliveries/create-delivery";
import { FromAllocationForm } from "@/components/deliveries/from-allocation-form";
import { deliveryFromAllocation, importNote } from "./actions";

export const generateMetadata = titled("newDelivery");

const FIELD = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-base";

/** The Région records a delivery from the supplier's delivery note (CSV): a dry run first, as the inventory's import. */
export default async function NewDeliveryPage() {
  const caller = await pageCaller();
  if (!(await managesDeliveries(database(), caller))) notFound();
  const [t, tAllocation] = await Promise.all([getTranslations("deliveries.import"), getTranslations("deliveries.fromAllocation")]);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <h2 className="text-xl font-semibold">{tAllocation("title")}</h2>
      <p className="max-w-3xl text-sm text-slate-600">{tAllocation("help")}</p>
      <FromAllocationForm action={deliveryFromAllocation} today={parisDay(new Date())} />
      <h2 className="text-xl font-semibold">{t("fromNote")}</h2>
      <p className="max-w-3xl text-sm text-slate-600">{t("help")}</p>
      <ImportForm action={importNote} messages="deliveries.import">
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="block text-sm">
            <span className="block font-medium">{t("uai")}</span>
            <input name="establishmentUai" required className={FIELD} autoComplete="off" />
          </label>
          <label className="block text-sm">
            <span className="block font-medium">{t("supplier")}</span>
            <input name="supplier" required className={FIELD} />
          </label>
          <label className="block text-sm">
            <span className="block font-medium">{t("deliveredOn")}</span>
            <input name="deliveredOn" type="date" required defaultValue={parisDay(new Date())} className={FIELD} />
          </label>
          <label className="block text-sm">
            <span className="block font-medium">{t("campaignYear")}</span>
            <input name="campaignYear" type="number" inputMode="numeric" className={FIELD} />
          </label>
        </div>
      </ImportForm>
    </section>
  );
}
