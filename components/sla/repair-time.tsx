import { getTranslations } from "next-intl/server";
import type { VendorCommitment } from "@/lib/domain/sla-vendor";
import { repairTimeChoice } from "@/lib/domain/sla-display";

/** A vendor's repair time in words: none, next business day, or N business hours. */
export async function RepairTime({ commitment }: { commitment: VendorCommitment | null }) {
  const t = await getTranslations("sla.repairTime");
  const choice = repairTimeChoice(commitment);
  switch (choice.mode) {
    case "none":
      return <span className="text-slate-500">{t("none")}</span>;
    case "next_business_day":
      return <>{t("nextBusinessDay")}</>;
    case "hours":
      return <>{t("hours", { hours: choice.hours })}</>;
  }
}
