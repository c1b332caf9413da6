import { getTranslations } from "next-intl/server";
import { ONBOARDING_STATES, PARTIES, SUPPORT_MODES } from "@/lib/domain/vocabulary";

/** The choices of the organisation forms' selects, labelled in the reader's language. */
export async function fieldOptions() {
  const [tModes, t] = await Promise.all([getTranslations("establishments.modes"), getTranslations("schools")]);
  return {
    supportModes: SUPPORT_MODES.map((mode) => ({ value: mode, label: tModes(mode) })),
    onboardingStates: ONBOARDING_STATES.map((state) => ({ value: state, label: t(`states.${state}`) })),
    parties: PARTIES.filter((party) => party !== "school").map((party) => ({ value: party, label: t(`parties.${party}`) })),
  };
}
