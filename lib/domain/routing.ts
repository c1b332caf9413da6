import type { TextValues } from "@/i18n/text";
import type { CiClass, Priority, SupportMode, TicketType } from "./vocabulary";
import { PRIORITIES } from "./vocabulary";

/**
 * Routing rules, as data an admin edits. A rule matches when every criterion it sets holds;
 * within a criterion, any listed value will do. `services` and `categories` together say what
 * the ticket is about: its service is listed OR its category is.
 */
export type RuleMatch = {
  types?: TicketType[];
  services?: string[];
  categories?: string[];
  /** The category is one the task-sharing convention gives to the school itself. */
  schoolTask?: boolean;
  establishments?: string[];
  zones?: string[];
  departements?: string[];
  establishmentTypes?: string[];
  supportModes?: SupportMode[];
  ciClasses?: CiClass[];
  priorities?: Priority[];
};

export type RoutingRule = {
  id: string;
  name: string;
  enabled: boolean;
  match: RuleMatch;
  /** May hold {zone}, {departement} or {uai}, filled from the ticket's school. */
  teamCode: string;
  watcherTeamCodes: string[];
  priorityFloor: Priority | null;
  slaPolicyCode: string | null;
  /** "Assigner au référent de l'établissement": the school's referent (or backup) gets the ticket, not just the team. */
  assignToReferent: boolean;
};

export type TicketFacts = {
  type: TicketType;
  serviceCode: string;
  categoryCode: string;
  schoolTask: boolean;
  establishment: { uai: string; zone: string; departement: string; type: string; supportMode: SupportMode };
  ciClasses: CiClass[];
  priority: Priority;
};

/** Why a rule took or passed over the ticket: a message key (routing.verdicts.*) with its values. */
export type VerdictReason = { message: string; values?: TextValues };

export type RuleVerdict = { ruleId: string; name: string; matched: boolean; reason: VerdictReason };

export type RoutingDecision = {
  rule: { id: string; name: string } | null;
  teamCode: string | null;
  watcherTeamCodes: string[];
  priority: Priority;
  slaPolicyCode: string | null;
  assignToReferent: boolean;
  /** Every rule looked at, in order, with why it matched or was skipped. */
  trace: RuleVerdict[];
};

const list = (values: readonly string[]) => values.join(", ");

const verdict = (name: string, values?: TextValues): VerdictReason => ({
  message: `routing.verdicts.${name}`,
  ...(values ? { values } : {}),
});

/** Why the rule does not fit the ticket, or null when it fits. */
export function mismatch(match: RuleMatch, facts: TicketFacts): VerdictReason | null {
  const checks: Array<[readonly string[] | undefined, readonly string[], string]> = [
    [match.types, [facts.type], "type"],
    [match.establishments, [facts.establishment.uai], "establishment"],
    [match.zones, [facts.establishment.zone], "zone"],
    [match.departements, [facts.establishment.departement], "departement"],
    [match.establishmentTypes, [facts.establishment.type], "establishmentType"],
    [match.supportModes, [facts.establishment.supportMode], "supportMode"],
    [match.priorities, [facts.priority], "priority"],
  ];
  for (const [wanted, actual, criterion] of checks) {
    if (wanted?.length && !actual.some((value) => wanted.includes(value)))
      return verdict("outside", { criterion, actual: list(actual), wanted: list(wanted) });
  }
  if (match.services?.length || match.categories?.length) {
    const byService = match.services?.includes(facts.serviceCode) ?? false;
    const byCategory = match.categories?.includes(facts.categoryCode) ?? false;
    if (!byService && !byCategory) {
      const services = match.services ?? [];
      const categories = match.categories ?? [];
      return verdict("serviceOutside", {
        service: facts.serviceCode,
        category: facts.categoryCode,
        services: list(services),
        serviceCount: services.length,
        categories: list(categories),
        categoryCount: categories.length,
      });
    }
  }
  if (match.schoolTask !== undefined && match.schoolTask !== facts.schoolTask)
    return verdict(match.schoolTask ? "notSchoolTask" : "schoolTask");
  if (match.ciClasses?.length && !facts.ciClasses.some((ciClass) => match.ciClasses!.includes(ciClass))) {
    return facts.ciClasses.length
      ? verdict("ciOutside", { actual: list(facts.ciClasses), wanted: list(match.ciClasses) })
      : verdict("noCi");
  }
  return null;
}

export function fillTeamCode(template: string, establishment: TicketFacts["establishment"]): string {
  return template
    .replaceAll("{zone}", establishment.zone)
    .replaceAll("{departement}", establishment.departement)
    .replaceAll("{uai}", establishment.uai);
}

export const higher = (a: Priority, b: Priority): Priority => (PRIORITIES.indexOf(a) <= PRIORITIES.indexOf(b) ? a : b);

/** The first enabled rule that fits decides the team (and may raise the priority and pick an SLA policy). */
export function route(rules: RoutingRule[], facts: TicketFacts): RoutingDecision {
  const trace: RuleVerdict[] = [];
  for (const rule of rules) {
    if (!rule.enabled) {
      trace.push({ ruleId: rule.id, name: rule.name, matched: false, reason: verdict("disabled") });
      continue;
    }
    const why = mismatch(rule.match, facts);
    if (why) {
      trace.push({ ruleId: rule.id, name: rule.name, matched: false, reason: why });
      continue;
    }
    trace.push({ ruleId: rule.id, name: rule.name, matched: true, reason: verdict("matched") });
    return {
      rule: { id: rule.id, name: rule.name },
      teamCode: fillTeamCode(rule.teamCode, facts.establishment),
      watcherTeamCodes: rule.watcherTeamCodes.map((code) => fillTeamCode(code, facts.establishment)),
      priority: rule.priorityFloor ? higher(facts.priority, rule.priorityFloor) : facts.priority,
      slaPolicyCode: rule.slaPolicyCode,
      assignToReferent: rule.assignToReferent,
      trace,
    };
  }
  return {
    rule: null,
    teamCode: null,
    watcherTeamCodes: [],
    priority: facts.priority,
    slaPolicyCode: null,
    assignToReferent: false,
    trace,
  };
}
