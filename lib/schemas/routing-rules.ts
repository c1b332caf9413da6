import { z } from "zod";
import type { RuleMatch } from "@/lib/domain/routing";
import { CI_CLASSES, PRIORITIES, SUPPORT_MODES, TICKET_TYPES } from "@/lib/domain/vocabulary";
import { createTicketSchema } from "./tickets";

/** What a team code may hold, filled from the ticket's school by the router. */
const TEAM_CODE_PLACEHOLDERS = ["{zone}", "{departement}", "{uai}"] as const;

const TEAM_CODE_CHARACTERS = /^[A-Z0-9_{}-]+$/i;

export const hasPlaceholder = (code: string) => code.includes("{");

/** Braces that are not one of the known placeholders, e.g. "{zon}" or a lone "{". */
function strayBraces(code: string): boolean {
  return TEAM_CODE_PLACEHOLDERS.reduce((rest, placeholder) => rest.replaceAll(placeholder, ""), code).match(/[{}]/) !== null;
}

const teamCode = z
  .string({ error: "routing.errors.teamCodeRequired" })
  .trim()
  .min(1, "routing.errors.teamCodeRequired")
  .regex(TEAM_CODE_CHARACTERS, "routing.errors.teamCodeFormat")
  .refine((code) => !strayBraces(code), "routing.errors.onlyVariables");

/**
 * Codes of the catalogue and of the schools are upper-case; typed in lower case they would never match.
 * The messages do not name the criterion: the error's field (`match.categories.0`) does.
 */
const codes = () =>
  z.array(z.string({ error: "routing.errors.codeExpected" }).trim().toUpperCase().min(1, "routing.errors.codeEmpty"), {
    error: "routing.errors.listExpected",
  });

const closedList = <Values extends readonly [string, ...string[]]>(values: Values) =>
  z.array(z.enum(values, { error: "routing.errors.unknownValue" }), { error: "routing.errors.listExpected" });

/** An unset criterion and an empty list mean the same (any value); the stored rule keeps only what it checks. */
function setCriteria(match: RuleMatch): RuleMatch {
  return Object.fromEntries(
    Object.entries(match).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)),
  );
}

export const ruleMatchSchema = z
  .strictObject(
    {
      types: closedList(TICKET_TYPES).optional(),
      services: codes().optional(),
      categories: codes().optional(),
      schoolTask: z.boolean({ error: "routing.errors.schoolTask" }).optional(),
      establishments: codes().optional(),
      zones: codes().optional(),
      departements: codes().optional(),
      establishmentTypes: codes().optional(),
      supportModes: closedList(SUPPORT_MODES).optional(),
      ciClasses: closedList(CI_CLASSES).optional(),
      priorities: closedList(PRIORITIES).optional(),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? "routing.errors.unknownCriterion" : "routing.errors.criteriaExpected") },
  )
  .transform((match): RuleMatch => setCriteria(match));

/** A routing rule as an admin writes it. */
export const routingRuleSchema = z.object({
  name: z.string({ error: "forms.errors.nameRequired" }).trim().min(1, "forms.errors.nameRequired").max(120, "routing.errors.nameTooLong"),
  enabled: z.boolean({ error: "routing.errors.enabled" }),
  match: ruleMatchSchema,
  teamCode,
  watcherTeamCodes: z.array(teamCode, { error: "routing.errors.ccTeams" }).default([]),
  priorityFloor: z.enum(PRIORITIES, { error: "routing.errors.priorityFloor" }).nullable().default(null),
  assignToReferent: z.boolean({ error: "routing.errors.assignToReferent" }).default(false),
});
export type RoutingRuleInput = z.infer<typeof routingRuleSchema>;

const ruleId = z.uuid({ error: "routing.errors.unknownRule" });
const version = z.coerce.number({ error: "routing.errors.versionMissing" }).int().positive("routing.errors.versionMissing");

/** The edited rule and the version the admin started from. */
export const ruleVersionSchema = z.object({ id: ruleId, version });

export const moveRuleSchema = z.object({ id: ruleId, direction: z.enum(["up", "down"], { error: "routing.errors.direction" }) });

export const setRuleEnabledSchema = z.object({ id: ruleId, enabled: z.enum(["true", "false"]).transform((value) => value === "true") });

export const deleteRuleSchema = ruleVersionSchema;

/** An imagined ticket, to see which rule would take it: the filing facts that routing looks at. */
export const routingTestSchema = createTicketSchema
  .pick({ type: true, serviceCode: true, categoryCode: true, establishmentUai: true, impact: true, urgency: true })
  .extend({ ciClasses: closedList(CI_CLASSES).default([]) });
export type RoutingTestInput = z.infer<typeof routingTestSchema>;
