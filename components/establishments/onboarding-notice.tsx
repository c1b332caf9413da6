import { getTranslations } from "next-intl/server";
import type { OnboardingState } from "@/lib/domain/vocabulary";

/**
 * Tells technicians that a ticket's school has not finished joining the scheme (seed 004: RDV1 to RDV4):
 * a badge in queue rows, a sentence on the ticket page. Nothing once the school is integrated.
 */
export async function OnboardingNotice({ state, long = false }: { state: OnboardingState; long?: boolean }) {
  if (state === "integre") return null;
  const t = await getTranslations("schools");
  const label = t(`states.${state}`);
  if (long)
    return (
      <p role="note" data-onboarding={state} className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
        {t("notIntegratedHelp", { state: label })}
      </p>
    );
  return (
    <span
      title={t("notIntegrated")}
      data-onboarding={state}
      className="ml-1 inline-block rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-200"
    >
      {label}
    </span>
  );
}
