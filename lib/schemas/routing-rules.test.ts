import { describe, expect, test } from "vitest";
import { translateFieldErrors } from "@/i18n/text";
import { fieldErrors } from "./field-errors";
import { routingRuleFromForm } from "./routing-rule-form";
import { routingRuleSchema, routingTestSchema } from "./routing-rules";

const rule = (overrides: Record<string, unknown> = {}) => ({
  name: "Imprimantes du Loiret",
  enabled: true,
  match: {},
  teamCode: "PROX-EST",
  ...overrides,
});

const errorsOf = (input: unknown) => {
  const parsed = routingRuleSchema.safeParse(input);
  return parsed.success ? [] : translateFieldErrors(fieldErrors(parsed.error));
};

describe("a rule as an admin writes it", () => {
  test("codes are upper-cased and empty criteria dropped", () => {
    const parsed = routingRuleSchema.parse(rule({ match: { services: [" impression "], zones: [], types: ["incident"] } }));
    expect(parsed).toEqual({
      name: "Imprimantes du Loiret",
      enabled: true,
      match: { services: ["IMPRESSION"], types: ["incident"] },
      teamCode: "PROX-EST",
      watcherTeamCodes: [],
      priorityFloor: null,
      assignToReferent: false,
    });
  });

  test.each([
    ["PROX-{zone}", true],
    ["EQ-E-CAN{departement}", true],
    ["ETAB-{uai}", true],
    ["PROX-{zon}", false],
    ["PROX-{zone", false],
    ["PROX OUEST", false],
    ["", false],
  ])("team code %j accepted: %s", (teamCode, accepted) => {
    expect(errorsOf(rule({ teamCode })).some((error) => error.field === "teamCode")).toBe(!accepted);
  });

  test.each([
    [{ name: "" }, "name", "Nom obligatoire."],
    [{ name: "x".repeat(121) }, "name", "Nom trop long (120 caractères au plus)."],
    [{ match: { types: ["panne"] } }, "match.types.0", "Valeur inconnue (attendu : incident, request)."],
    [{ match: { ciClasses: ["imprimante"] } }, "match.ciClasses.0", expect.stringContaining("Valeur inconnue (attendu : pc, laptop")],
    [{ match: { services: [""] } }, "match.services.0", "Code vide."],
    [{ match: { colour: ["red"] } }, "match", "Critère inconnu : colour."],
    [{ watcherTeamCodes: ["ACAD RSSI"] }, "watcherTeamCodes.0", expect.stringContaining("Code d'équipe")],
    [{ priorityFloor: "P0" }, "priorityFloor", "Priorité plancher attendue : P1, P2, P3 ou P4."],
  ])("%j is refused on %s", (overrides, field, message) => {
    expect(errorsOf(rule(overrides))).toEqual([{ field, message }]);
  });
});

describe("the rule form", () => {
  const form = (entries: Array<[string, string]>) => {
    const data = new FormData();
    for (const [name, value] of entries) data.append(name, value);
    return routingRuleSchema.parse(routingRuleFromForm(data));
  };

  test("comma lists, ticks, the school-task choice and the floor become the rule", () => {
    expect(
      form([
        ["name", "Sécurité"],
        ["enabled", "on"],
        ["match.categories", "SEC-INCIDENT, , sec-filtrage"],
        ["match.types", "incident"],
        ["match.supportModes", "normal"],
        ["match.supportModes", "ouvert"],
        ["match.schoolTask", "no"],
        ["teamCode", "EQ-E-INFRA_SECU"],
        ["watcherTeamCodes", "ACAD-RSSI"],
        ["priorityFloor", "P2"],
        ["assignToReferent", "on"],
      ]),
    ).toEqual({
      name: "Sécurité",
      enabled: true,
      match: { categories: ["SEC-INCIDENT", "SEC-FILTRAGE"], types: ["incident"], supportModes: ["normal", "ouvert"], schoolTask: false },
      teamCode: "EQ-E-INFRA_SECU",
      watcherTeamCodes: ["ACAD-RSSI"],
      priorityFloor: "P2",
      assignToReferent: true,
    });
  });

  test('an unticked box disables; "any" and no floor set nothing', () => {
    expect(
      form([
        ["name", "Par défaut"],
        ["match.schoolTask", "any"],
        ["teamCode", "EQ-E-SD_OPE"],
        ["priorityFloor", ""],
      ]),
    ).toMatchObject({ enabled: false, match: {}, priorityFloor: null });
  });
});

test("the routing test takes the filing facts and optional equipment classes", () => {
  const facts = {
    type: "incident",
    serviceCode: "POSTE",
    categoryCode: "POSTE-PANNE",
    establishmentUai: "0370037p",
    impact: "group",
    urgency: "high",
  };
  expect(routingTestSchema.parse(facts)).toEqual({ ...facts, establishmentUai: "0370037P", ciClasses: [] });
  expect(routingTestSchema.safeParse({ ...facts, ciClasses: ["toaster"] }).success).toBe(false);
});
