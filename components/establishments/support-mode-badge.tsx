import { getTranslations } from "next-intl/server";
import type { SupportMode } from "@/lib/domain/vocabulary";

const TONE: Record<SupportMode, string> = {
  normal: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  ouvert: "bg-amber-50 text-amber-800 ring-amber-200",
  hors_perimetre: "bg-slate-100 text-slate-700 ring-slate-300",
};

/** The school's support mode, with what it means in a tooltip. */
export async function SupportModeBadge({ mode }: { mode: SupportMode }) {
  const t = await getTranslations("establishments");
  return (
    <span title={t(`modeHelp.${mode}`)} className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${TONE[mode]}`}>
      {t(`modes.${mode}`)}
    </span>
  );
}
