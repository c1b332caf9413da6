import type { ZodError } from "zod";
import { translateFieldErrors } from "@/i18n/text";
import { fieldErrors } from "./field-errors";
import { describe, expect, test } from "vitest";
import { createTeamSchema, onboardingMeetingSchema, patchEstablishmentSchema, teamMemberFormSchema, zoneFormSchema } from "./organisation";
import { checkedUai } from "./primitives";

/** The messages a French reader sees. */
const messages = (result: { success: boolean; error?: ZodError }) =>
  result.error ? translateFieldErrors(fieldErrors(result.error)).map((error) => error.message) : [];

describe("checkedUai", () => {
  test.each([
    [" 0371234r ", "0371234R", []],
    ["0371234A", null, ["UAI : la lettre de contrôle ne correspond pas aux chiffres."]],
    ["037123R", null, ["UAI : sept chiffres puis une lettre (par exemple 0370037P)."]],
  ])("%j", (input, output, errors) => {
    const parsed = checkedUai.safeParse(input);
    expect(parsed.success ? parsed.data : null).toBe(output);
    expect(messages(parsed)).toEqual(errors);
  });
});

describe("forms and bodies", () => {
  test("a zone's départements: separated by commas, spaces or semicolons, upper-cased (Corsica), checked", () => {
    expect(zoneFormSchema.parse({ code: "centre", name: "Zone Centre", departements: "41, 36;2a  18" })).toEqual({
      code: "CENTRE",
      name: "Zone Centre",
      departements: ["41", "36", "2A", "18"],
    });
    expect(messages(zoneFormSchema.safeParse({ code: "C", name: "Zone", departements: "Loir-et-Cher" }))).toEqual([
      "Code : 2 à 20 lettres, chiffres ou tirets.",
      "Départements : leurs numéros, séparés par des virgules.",
    ]);
  });

  test("a team's code is upper-cased; a member named twice is refused", () => {
    expect(createTeamSchema.parse({ code: "prox-chinon", name: "Proximité", party: "region" })).toEqual({
      code: "PROX-CHINON",
      name: "Proximité",
      party: "region",
      zone: undefined,
      members: [],
    });
    expect(
      messages(createTeamSchema.safeParse({ code: "P", name: "X", party: "region", members: [{ email: "a@b.fr" }, { email: "A@b.fr" }] })),
    ).toEqual(["Code : 2 à 40 lettres, chiffres, tirets (par exemple PROX-OUEST).", "Chaque personne une seule fois."]);
  });

  test.each([
    [{ email: "tech@x.fr", code: "EQ-A", primary: "true" }, true],
    [{ email: "tech@x.fr", code: "EQ-A" }, false],
    [{ email: "tech@x.fr", code: "EQ-A", primary: "false" }, false],
  ])("the member form's primary box %j → %s", (form, primary) => {
    expect(teamMemberFormSchema.parse(form).primary).toBe(primary);
  });

  test("a PATCH takes only known fields; an empty date clears it", () => {
    expect(messages(patchEstablishmentSchema.safeParse({ uai: "0371234R" }))).toHaveLength(1);
    expect(patchEstablishmentSchema.parse({ supportMode: "ouvert" })).toEqual({ supportMode: "ouvert" });
    expect(onboardingMeetingSchema.parse({ uai: "0371234R", meeting: "rdv2", plannedOn: "", heldOn: "2026-11-02", notes: "" })).toEqual({
      uai: "0371234R",
      meeting: "rdv2",
      plannedOn: null,
      heldOn: "2026-11-02",
      notes: null,
    });
    expect(messages(onboardingMeetingSchema.safeParse({ uai: "0371234R", meeting: "rdv5" }))).toEqual(["Rendez-vous inconnu."]);
  });
});
