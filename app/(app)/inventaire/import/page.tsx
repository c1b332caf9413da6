import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ImportForm } from "@/components/import/import-form";
import { pageCaller } from "@/lib/auth/current-caller";
import { keepsInventory } from "@/lib/domain/ci-access";
import { importInventory } from "../actions";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("inventoryImport");

/** CSV import of an inventory export: a dry run first, then the accepted rows in one transaction. */
export default async function ImportPage() {
  const caller = await pageCaller();
  if (!keepsInventory(caller)) notFound();
  const t = await getTranslations("cmdb.import");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-3xl text-sm text-slate-600">{t("help")}</p>
      <ImportForm action={importInventory} messages="cmdb.import" />
    </section>
  );
}
