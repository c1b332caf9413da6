import type { ApproverKind, SupportMode, TicketType } from "./vocabulary";

export type FilingCategory = { code: string; type: TicketType; hardware: boolean };
/** Why a school may not file: `message` is a message key with its `values` (filing.refusals). */
export type FilingRefusal = { code: "out_of_scope" | "equipment_survey_closed"; message: string; values?: Record<string, string | number> };

/** Annual equipment plan (PRELP): survey in February–March, analysis April–May, delivery October–November. */
const SURVEY_MONTHS = [2, 3];

function parisYearMonth(now: Date): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", year: "numeric", month: "numeric" }).formatToParts(now);
  return {
    year: Number(parts.find((part) => part.type === "year")!.value),
    month: Number(parts.find((part) => part.type === "month")!.value),
  };
}

export function equipmentSurveyOpen(now: Date): boolean {
  return SURVEY_MONTHS.includes(parisYearMonth(now).month);
}

/** The first day of the next survey: its month (named by its key, `filing.months.2`) and year. */
function nextSurveyOpening(now: Date): { month: string; year: number } {
  const { year, month } = parisYearMonth(now);
  return { month: `filing.months.${SURVEY_MONTHS[0]!}`, year: month < SURVEY_MONTHS[0]! ? year : year + 1 };
}

/** A school in `hors_perimetre` mode gets hardware maintenance only. */
export function openToSupportMode(category: FilingCategory, mode: SupportMode): boolean {
  return mode !== "hors_perimetre" || (category.hardware && category.type === "incident");
}

/** Why this school may not file this category now, or null when it may. */
export function filingRefusal(category: FilingCategory, mode: SupportMode, now: Date): FilingRefusal | null {
  if (!openToSupportMode(category, mode)) {
    return { code: "out_of_scope", message: "filing.refusals.outOfScope" };
  }
  if (category.code === "EQUIP-DOTATION" && !equipmentSurveyOpen(now)) {
    return { code: "equipment_survey_closed", message: "filing.refusals.surveyClosed", values: nextSurveyOpening(now) };
  }
  return null;
}

/** A hardware incident with no inventoried equipment is taken, but flagged: support starts from the inventory. */
export function filingFlags(category: FilingCategory, linkedCiCount: number): string[] {
  return category.hardware && category.type === "incident" && linkedCiCount === 0 ? ["hors_inventaire"] : [];
}

/** What a "hors inventaire" ticket tells its reader (a key of the filing catalogue). */
export const OUT_OF_INVENTORY_NOTICE = "filing.outOfInventoryNotice";

/**
 * Whether this category asks for a signed request: the school's head (or a delegate) approves it (filtering
 * exceptions, administrator delegations, projects), so the signed document is attached as it is filed.
 */
export function asksSignedRequest(category: { approvalLevels: readonly ApproverKind[] }): boolean {
  return category.approvalLevels.includes("school_head");
}
