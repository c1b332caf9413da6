import { getTranslations } from "next-intl/server";
import { OUT_OF_INVENTORY_NOTICE } from "@/lib/domain/filing-rules";

/** Shown on a ticket flagged "hors inventaire": support starts from the inventory. */
export async function OutOfInventoryNotice({ flags }: { flags: string[] }) {
  if (!flags.includes("hors_inventaire")) return null;
  const [t, tAll] = await Promise.all([getTranslations("tickets.detail"), getTranslations()]);
  return (
    <div role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-medium">{t("outOfInventory")}</p>
      <p className="mt-1">{tAll(OUT_OF_INVENTORY_NOTICE)}</p>
    </div>
  );
}
