import { nextSurveyOpening, openSurvey, type CampaignDates } from "./campaigns";
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
function nextSurveyMonth(now: Date): { month: string; year: number } {
  const { year, month } = parisYearMonth(now);
  return { month: `filing.months.${SURVEY_MONTHS[0]!}`, year: month < SURVEY_MONTHS[0]! ? year : year + 1 };
}

/** A school in `hors_perimetre` mode gets hardware maintenance only. */
export function openToSupportMode(category: FilingCategory, mode: SupportMode): boolean {
  return mode !== "hors_perimetre" || (category.hardware && category.type === "incident");
}

/** The day `today` (Paris) of an instant, as YYYY-MM-DD. */
function parisToday(now: Date): string {
  const { year, month } = parisYearMonth(now);
  const day = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", day: "numeric" }).format(now);
  return `${year}-${String(month).padStart(2, "0")}-${day.padStart(2, "0")}`;
}

/**
 * Why the equipment survey refuses a dotation request now, or null when it is open. Once the Région has declared
 * campaigns (issue 17), their survey phases decide, and the refusal names the campaign and its next opening; with
 * none declared, the seeds' calendar (February–March) does.
 */
function surveyRefusal(now: Date, campaigns: readonly CampaignDates[]): FilingRefusal | null {
  if (campaigns.length === 0) {
    return equipmentSurveyOpen(now)
      ? null
      : { code: "equipment_survey_closed", message: "filing.refusals.surveyClosed", values: nextSurveyMonth(now) };
  }
  const today = parisToday(now);
  if (openSurvey(campaigns, today)) return null;
  const next = nextSurveyOpening(campaigns, today);
  if (!next) {
    return { code: "equipment_survey_closed", message: "filing.refusals.surveyClosed", values: nextSurveyMonth(now) };
  }
  const [year, month, day] = next.day.split("-").map(Number) as [number, number, number];
  return {
    code: "equipment_survey_closed",
    message: "filing.refusals.campaignSurveyClosed",
    values: { campaign: next.campaign.year, day, month: `filing.months.${month}`, year },
  };
}

/** Why this school may not file this category now, or null when it may; `campaigns` are the declared equipment campaigns. */
export function filingRefusal(
  category: FilingCategory,
  mode: SupportMode,
  now: Date,
  campaigns: readonly CampaignDates[] = [],
): FilingRefusal | null {
  if (!openToSupportMode(category, mode)) {
    return { code: "out_of_scope", message: "filing.refusals.outOfScope" };
  }
  if (category.code === "EQUIP-DOTATION") return surveyRefusal(now, campaigns);
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
