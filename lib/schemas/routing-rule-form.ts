/**
 * The rule form's fields, turned into what `routingRuleSchema` parses. Inputs are named after
 * the schema's paths ("match.services"), so its field errors land next to them.
 */

/** Criteria typed as comma-separated codes. */
export const CODE_LIST_CRITERIA = [
  "services",
  "categories",
  "establishments",
  "zones",
  "departements",
  "establishmentTypes",
  "ciClasses",
] as const;
/** Criteria over a few fixed values, ticked. */
export const CHECKBOX_CRITERIA = ["types", "supportModes", "priorities"] as const;

export const SCHOOL_TASK_CHOICES = { any: undefined, yes: true, no: false } as const;
export type SchoolTaskChoice = keyof typeof SCHOOL_TASK_CHOICES;

const splitCodes = (text: string) =>
  text
    .split(",")
    .map((code) => code.trim())
    .filter(Boolean);

export function routingRuleFromForm(form: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const ticked = (name: string) => form.getAll(name).filter((value) => typeof value === "string");
  const schoolTask = text("match.schoolTask") ?? "any";
  return {
    name: text("name"),
    enabled: form.get("enabled") === "on",
    match: {
      ...Object.fromEntries(CODE_LIST_CRITERIA.map((criterion) => [criterion, splitCodes(text(`match.${criterion}`) ?? "")])),
      ...Object.fromEntries(CHECKBOX_CRITERIA.map((criterion) => [criterion, ticked(`match.${criterion}`)])),
      // An unknown choice is kept as it came, for the schema to refuse.
      schoolTask: Object.hasOwn(SCHOOL_TASK_CHOICES, schoolTask) ? SCHOOL_TASK_CHOICES[schoolTask as SchoolTaskChoice] : schoolTask,
    },
    teamCode: text("teamCode"),
    watcherTeamCodes: splitCodes(text("watcherTeamCodes") ?? ""),
    priorityFloor: text("priorityFloor") || null,
    assignToReferent: form.get("assignToReferent") === "on",
  };
}
