import type { SupportMode, TicketType } from "./vocabulary";

export type FilingCategory = { code: string; type: TicketType; hardware: boolean };
export type FilingRefusal = { code: "out_of_scope" | "equipment_survey_closed"; message: string };

/** Annual equipment plan (PRELP): survey in February–March, analysis April–May, delivery October–November. */
const SURVEY_MONTHS = [2, 3];
export const EQUIPMENT_CALENDAR =
  "Les demandes d'équipement passent par l'enquête annuelle de la Région : enquête en février et mars, analyse en avril et mai, livraison en octobre et novembre.";

const FRENCH_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

function parisYearMonth(now: Date): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", year: "numeric", month: "numeric" }).formatToParts(now);
  return { year: Number(parts.find((part) => part.type === "year")!.value), month: Number(parts.find((part) => part.type === "month")!.value) };
}

export function equipmentSurveyOpen(now: Date): boolean {
  return SURVEY_MONTHS.includes(parisYearMonth(now).month);
}

function nextSurveyOpening(now: Date): string {
  const { year, month } = parisYearMonth(now);
  return `1er ${FRENCH_MONTHS[SURVEY_MONTHS[0]! - 1]} ${month < SURVEY_MONTHS[0]! ? year : year + 1}`;
}

/** A school in `hors_perimetre` mode gets hardware maintenance only. */
export function openToSupportMode(category: FilingCategory, mode: SupportMode): boolean {
  return mode !== "hors_perimetre" || (category.hardware && category.type === "incident");
}

/** Why this school may not file this category now, or null when it may. */
export function filingRefusal(category: FilingCategory, mode: SupportMode, now: Date): FilingRefusal | null {
  if (!openToSupportMode(category, mode)) {
    return {
      code: "out_of_scope",
      message: "Votre établissement est en mode « hors périmètre » : la Région n'y assure que la maintenance du matériel. Seuls les incidents matériels peuvent être signalés.",
    };
  }
  if (category.code === "EQUIP-DOTATION" && !equipmentSurveyOpen(now)) {
    return {
      code: "equipment_survey_closed",
      message: `${EQUIPMENT_CALENDAR} En dehors de l'enquête, une demande de dotation ne peut pas être déposée ; la prochaine enquête ouvre le ${nextSurveyOpening(now)}.`,
    };
  }
  return null;
}

/** A hardware incident with no inventoried equipment is taken, but flagged: support starts from the inventory. */
export function filingFlags(category: FilingCategory, linkedCiCount: number): string[] {
  return category.hardware && category.type === "incident" && linkedCiCount === 0 ? ["hors_inventaire"] : [];
}

export const OUT_OF_INVENTORY_NOTICE =
  "Aucun équipement de l'inventaire n'est désigné. « Tout élément non référencé dans l'outil de gestion de parc ne peut être pris en charge » : le technicien devra d'abord l'inventorier, ce qui peut retarder l'intervention.";

/**
 * Whether the catalogue asks this category for a signed request: its form names a signatory
 * ("signed_by": filtering exceptions, administrator delegations), so the signed document is attached.
 */
export function asksSignedRequest(fields: ReadonlyArray<{ name: string }>): boolean {
  return fields.some((field) => field.name === "signed_by");
}
