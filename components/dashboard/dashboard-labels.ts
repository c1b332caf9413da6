import { getTranslations } from "next-intl/server";
import type { Translate } from "@/lib/presentation/dashboard-tables";
import { PERIOD_KINDS } from "@/lib/domain/dashboard-period";

/** The dashboards' catalogue as a plain translate function, with the labels the shared components take. */
export async function dashboardLabels() {
  const translations = await getTranslations("dashboards");
  const t: Translate = (key, values) => translations(key as never, values as never);
  return {
    t,
    table: (title: string) => ({
      csv: t("exportCsv"),
      csvLabel: t("exportCsvLabel", { table: title }),
      noData: t("noData"),
      hint: t("howComputed"),
      seeData: t("seeData"),
      firstRows: (shown: number, total: number) => t("firstRows", { shown, total }),
    }),
    period: {
      period: t("periodLabel"),
      from: t("from"),
      to: t("to"),
      apply: t("apply"),
      kinds: Object.fromEntries(PERIOD_KINDS.map((kind) => [kind, t(`periods.${kind}`)])),
    },
  };
}
