import type { CatalogueCategory } from "@/db/queries/catalogue";
import type { Caller } from "@/lib/domain/caller";
import { openToSupportMode } from "@/lib/domain/filing-rules";
import { can } from "@/lib/domain/permissions";
import { callerAffiliations } from "../accounts/caller-affiliations";

/**
 * The schools a portal user files for, and a test telling whether a category is open to at
 * least one of them (a school in `hors_perimetre` mode gets hardware incidents only).
 */
export async function portalContext(caller: Caller) {
  const schools = can(caller, "portal.use") ? (await callerAffiliations(caller)).establishments : [];
  return {
    canFile: schools.length > 0,
    schools,
    isOpen: (category: Pick<CatalogueCategory, "code" | "type" | "hardware">) =>
      schools.length === 0 || schools.some((school) => openToSupportMode(category, school.supportMode)),
  };
}
