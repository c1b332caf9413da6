import { database } from "@/db/client";
import { onboardingBoard } from "@/db/queries/organisation";
import type { Caller } from "@/lib/domain/caller";
import { onboardingScope } from "@/lib/domain/permissions";

/** Where every school stands in joining the scheme, for the Région (a sector lead: their zone's schools); null for anyone else. */
export async function readOnboardingBoard(caller: Caller) {
  const scope = onboardingScope(caller);
  if (!scope) return null;
  return onboardingBoard(database(), scope.kind === "zone" ? scope.zoneId : null);
}
