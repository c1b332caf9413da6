import { translateText } from "@/i18n/text";
import { describe, expect, test } from "vitest";
import catalogue from "@/db/seed/data/service-catalogue.json";
import { defaultRoutingRules } from "@/db/seed/routing-rules";
import { mismatch, route, type RoutingRule, type TicketFacts, type VerdictReason } from "./routing";

/** A verdict's reason in French, as the API gives it. */
const french = (reason: VerdictReason) => translateText(reason.message, reason.values);

const CATEGORIES = catalogue.services.flatMap((service) => service.categories.map((category) => ({ ...category, service: service.code })));
const SCHOOLS = {
  choiseul: { uai: "0370037P", zone: "OUEST", departement: "37", type: "LGT", supportMode: "normal" },
  palissy: { uai: "0450029M", zone: "EST", departement: "45", type: "LGT", supportMode: "ouvert" },
  mermoz: { uai: "0180010N", zone: "SUD", departement: "18", type: "LP", supportMode: "hors_perimetre" },
} as const;

function facts(categoryCode: string, school: keyof typeof SCHOOLS = "choiseul", extra: Partial<TicketFacts> = {}): TicketFacts {
  const category = CATEGORIES.find((candidate) => candidate.code === categoryCode)!;
  return {
    type: category.type as TicketFacts["type"],
    serviceCode: category.service,
    categoryCode,
    schoolTask: category.school_task !== null,
    establishment: SCHOOLS[school],
    ciClasses: [],
    priority: "P3",
    ...extra,
  };
}

const rules = defaultRoutingRules();

describe("the default rules", () => {
  test.each([
    ["SEC-INCIDENT", "choiseul", "EQ-E-INFRA_SECU", "Incident de sécurité"],
    ["LOGADM-NATIONAL", "palissy", "EQ-E-EOLE", "Applications et comptes administratifs nationaux"],
    ["CPT-ADMIN", "choiseul", "EQ-E-EOLE", "Applications et comptes administratifs nationaux"],
    ["LOGPED-USAGE", "choiseul", "EQ-E-CAN37", "Aide à l'usage métier"],
    ["LOGADM-USAGE", "palissy", "EQ-E-CAN45", "Aide à l'usage métier"],
    ["RES-INTERNET", "mermoz", "EQ-E-RRC", "Accès internet de l'établissement"],
    ["CPT-ENT", "palissy", "EQ-E-NETOCENTRE", "Accès ENT"],
    ["IMPR-CONSOMMABLE", "choiseul", "ETAB-0370037P", "Tâches de l'établissement"],
    ["AV-RACCORD", "palissy", "ETAB-0450029M", "Tâches de l'établissement"],
    ["CPT-ELEVE", "choiseul", "ETAB-0370037P", "Tâches de l'établissement"],
    ["POSTE-PERIPH", "choiseul", "ETAB-0370037P", "Tâches de l'établissement"],
    ["IMPR-CONTRAT", "choiseul", "ETAB-0370037P", "Tâches de l'établissement"],
    ["POSTE-PANNE", "choiseul", "PROX-OUEST", "Équipe mobile de la zone"],
    ["RES-WIFI", "palissy", "PROX-EST", "Équipe mobile de la zone"],
    ["SRV-RESTAURATION", "mermoz", "PROX-SUD", "Équipe mobile de la zone"],
    ["AV-PANNE", "choiseul", "PROX-OUEST", "Équipe mobile de la zone"],
    ["SEC-FILTRAGE", "palissy", "PROX-EST", "Équipe mobile de la zone"],
    ["CPT-PERSONNEL", "choiseul", "PROX-OUEST", "Équipe mobile de la zone"],
    ["LOGADM-INSTALL", "choiseul", "PROX-OUEST", "Équipe mobile de la zone"],
  ] as const)("%s at %s → %s (%s)", (category, school, team, ruleName) => {
    const decision = route(rules, facts(category, school));
    expect(decision.teamCode).toBe(team);
    expect(decision.rule?.name).toBe(ruleName);
  });

  test("a security incident adds the Académie's RSSI as a watcher", () => {
    expect(route(rules, facts("SEC-INCIDENT")).watcherTeamCodes).toEqual(["ACAD-RSSI"]);
  });

  test("every category of the catalogue lands on a named team before the catch-all", () => {
    for (const category of CATEGORIES) expect(route(rules, facts(category.code)).rule?.name).not.toBe("Par défaut : centre de services");
  });

  test("the catch-all takes what no other rule names", () => {
    const decision = route(rules, { ...facts("POSTE-PANNE"), serviceCode: "AUTRE", categoryCode: "AUTRE-DIVERS", schoolTask: false });
    expect(decision.teamCode).toBe("EQ-E-SD_OPE");
    expect(decision.trace).toHaveLength(rules.length);
    expect(decision.trace.filter((verdict) => verdict.matched).map((verdict) => verdict.name)).toEqual(["Par défaut : centre de services"]);
  });
});

describe("order, disabled rules and explanations", () => {
  test("the first matching rule wins: toner is the school's task before it is the zone team's printing", () => {
    expect(route(rules, facts("IMPR-CONSOMMABLE")).teamCode).toBe("ETAB-0370037P");
    const zoneFirst = [...rules].sort((a, b) =>
      a.name === "Équipe mobile de la zone" ? -1 : b.name === "Équipe mobile de la zone" ? 1 : 0,
    );
    expect(route(zoneFirst, facts("IMPR-CONSOMMABLE")).teamCode).toBe("PROX-OUEST");
  });

  test("a disabled rule is skipped and says so", () => {
    const withoutSchoolTasks = rules.map((rule) => (rule.name === "Tâches de l'établissement" ? { ...rule, enabled: false } : rule));
    const decision = route(withoutSchoolTasks, facts("IMPR-CONSOMMABLE"));
    expect(decision.teamCode).toBe("PROX-OUEST");
    expect(decision.trace.find((verdict) => verdict.name === "Tâches de l'établissement")).toMatchObject({
      matched: false,
      reason: { message: "routing.verdicts.disabled" },
    });
  });

  test("skipped rules say which criterion failed", () => {
    const decision = route(rules, facts("POSTE-PANNE"));
    expect(decision.trace[0]).toMatchObject({ ruleId: "default-10", name: "Incident de sécurité", matched: false });
    expect(french(decision.trace[0]!.reason)).toBe("service POSTE / catégorie POSTE-PANNE hors de [catégorie SEC-INCIDENT]");
    expect(french(decision.trace.find((verdict) => verdict.name === "Tâches de l'établissement")!.reason)).toBe(
      "pas une tâche de l'établissement",
    );
  });

  test.each([
    [{ services: ["RES", "SRV"] }, "service POSTE / catégorie POSTE-PANNE hors de [service RES, SRV]"],
    [
      { services: ["RES"], categories: ["SEC-INCIDENT"] },
      "service POSTE / catégorie POSTE-PANNE hors de [service RES, catégorie SEC-INCIDENT]",
    ],
    [{ zones: ["EST", "SUD"] }, "zone OUEST hors de [EST, SUD]"],
    [{ ciClasses: ["printer" as const] }, "aucun équipement lié"],
  ])("the explanation of %j reads in French", (match, text) => {
    const reason = mismatch(match, facts("POSTE-PANNE"));
    expect(reason && french(reason)).toBe(text);
  });

  test("an empty rule list routes nowhere", () => {
    expect(route([], facts("POSTE-PANNE"))).toMatchObject({ rule: null, teamCode: null, trace: [] });
  });
});

describe("other criteria", () => {
  const rule = (match: RoutingRule["match"], extra: Partial<RoutingRule> = {}): RoutingRule => ({
    id: "r",
    name: "Règle",
    enabled: true,
    match,
    teamCode: "EQ-E-GSI",
    watcherTeamCodes: [],
    priorityFloor: null,
    slaPolicyCode: null,
    assignToReferent: false,
    ...extra,
  });

  test.each<[RoutingRule["match"], keyof typeof SCHOOLS, boolean]>([
    [{ zones: ["OUEST"] }, "choiseul", true],
    [{ zones: ["EST"] }, "choiseul", false],
    [{ departements: ["45"] }, "palissy", true],
    [{ establishments: ["0180010N"] }, "mermoz", true],
    [{ establishmentTypes: ["LP"] }, "choiseul", false],
    [{ supportModes: ["ouvert"] }, "palissy", true],
    [{ types: ["request"] }, "choiseul", false],
    [{ priorities: ["P1", "P3"] }, "choiseul", true],
    [{ ciClasses: ["network_switch"] }, "choiseul", false],
  ])("%o at %s matches: %s", (match, school, matched) => {
    expect(route([rule(match)], facts("POSTE-PANNE", school)).rule !== null).toBe(matched);
  });

  test("CI class: matches a linked switch, explains when nothing is linked", () => {
    const switches = rule({ ciClasses: ["network_switch", "wifi_access_point"] });
    expect(route([switches], facts("RES-PANNE", "choiseul", { ciClasses: ["network_switch"] })).teamCode).toBe("EQ-E-GSI");
    expect(french(route([switches], facts("RES-PANNE")).trace[0]!.reason)).toBe("aucun équipement lié");
  });

  test("a priority floor raises, never lowers; the SLA policy comes with the rule", () => {
    const floor = rule({}, { priorityFloor: "P2", slaPolicyCode: "RAPIDE" });
    expect(route([floor], facts("POSTE-PANNE", "choiseul", { priority: "P4" }))).toMatchObject({ priority: "P2", slaPolicyCode: "RAPIDE" });
    expect(route([floor], facts("POSTE-PANNE", "choiseul", { priority: "P1" })).priority).toBe("P1");
  });
});
