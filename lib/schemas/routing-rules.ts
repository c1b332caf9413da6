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
  .string({ error: "Code d'équipe obligatoire." })
  .trim()
  .min(1, "Code d'équipe obligatoire.")
  .regex(TEAM_CODE_CHARACTERS, "Code d'équipe : lettres, chiffres, « _ », « - » et les variables {zone}, {departement}, {uai}.")
  .refine((code) => !strayBraces(code), "Seules les variables {zone}, {departement} et {uai} sont permises entre accolades.");

/** Codes of the catalogue and of the schools are upper-case; typed in lower case they would never match. */
const codes = (label: string) =>
  z.array(z.string({ error: `${label} : code attendu.` }).trim().toUpperCase().min(1, `${label} : code vide.`), { error: `${label} : liste attendue.` });

const closedList = <Values extends readonly [string, ...string[]]>(values: Values, unknown: string) =>
  z.array(z.enum(values, { error: (issue) => `${unknown} : « ${String(issue.input)} » (attendu : ${values.join(", ")}).` }), {
    error: `${unknown} : liste attendue.`,
  });

/** An unset criterion and an empty list mean the same (any value); the stored rule keeps only what it checks. */
function setCriteria(match: RuleMatch): RuleMatch {
  return Object.fromEntries(Object.entries(match).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)));
}

export const ruleMatchSchema = z
  .strictObject({
    types: closedList(TICKET_TYPES, "Type inconnu").optional(),
    services: codes("Services").optional(),
    categories: codes("Catégories").optional(),
    schoolTask: z.boolean({ error: "Tâche de l'établissement : oui ou non." }).optional(),
    establishments: codes("Établissements").optional(),
    zones: codes("Zones").optional(),
    departements: codes("Départements").optional(),
    establishmentTypes: codes("Types d'établissement").optional(),
    supportModes: closedList(SUPPORT_MODES, "Mode de support inconnu").optional(),
    ciClasses: closedList(CI_CLASSES, "Classe d'équipement inconnue").optional(),
    priorities: closedList(PRIORITIES, "Priorité inconnue").optional(),
  }, { error: (issue) => (issue.code === "unrecognized_keys" ? `Critère inconnu : ${issue.keys.join(", ")}.` : "Critères attendus.") })
  .transform((match): RuleMatch => setCriteria(match));

/** A routing rule as an admin writes it. */
export const routingRuleSchema = z.object({
  name: z.string({ error: "Nom obligatoire." }).trim().min(1, "Nom obligatoire.").max(120, "Nom trop long (120 caractères au plus)."),
  enabled: z.boolean({ error: "Activée : oui ou non." }),
  match: ruleMatchSchema,
  teamCode,
  watcherTeamCodes: z.array(teamCode, { error: "Équipes en copie : liste attendue." }).default([]),
  priorityFloor: z.enum(PRIORITIES, { error: "Priorité plancher attendue : P1, P2, P3 ou P4." }).nullable().default(null),
  assignToReferent: z.boolean({ error: "routing.errors.assignToReferent" }).default(false),
});
export type RoutingRuleInput = z.infer<typeof routingRuleSchema>;

const ruleId = z.uuid({ error: "Règle inconnue." });
const version = z.coerce.number({ error: "Version manquante." }).int().positive("Version manquante.");

/** The edited rule and the version the admin started from. */
export const ruleVersionSchema = z.object({ id: ruleId, version });

export const moveRuleSchema = z.object({ id: ruleId, direction: z.enum(["up", "down"], { error: "Sens attendu : up ou down." }) });

export const setRuleEnabledSchema = z.object({ id: ruleId, enabled: z.enum(["true", "false"]).transform((value) => value === "true") });

export const deleteRuleSchema = ruleVersionSchema;

/** An imagined ticket, to see which rule would take it: the filing facts that routing looks at. */
export const routingTestSchema = createTicketSchema
  .pick({ type: true, serviceCode: true, categoryCode: true, establishmentUai: true, impact: true, urgency: true })
  .extend({ ciClasses: closedList(CI_CLASSES, "Classe d'équipement inconnue").default([]) });
export type RoutingTestInput = z.infer<typeof routingTestSchema>;
