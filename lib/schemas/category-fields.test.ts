import { describe, expect, test } from "vitest";
import { translateFieldErrors } from "@/i18n/text";
import { fieldErrors } from "./field-errors";
import catalogue from "@/db/seed/data/service-catalogue.json";
import { categoryAnswersSchema, categoryFieldSchema, type CategoryField } from "./category-fields";

const fieldsOf = (code: string): CategoryField[] => {
  const category = catalogue.services.flatMap((service) => service.categories).find((candidate) => candidate.code === code)!;
  return category.fields.map((field) => categoryFieldSchema.parse(field));
};

describe("categoryAnswersSchema", () => {
  const filtering = categoryAnswersSchema(fieldsOf("SEC-FILTRAGE"));

  test("a complete filtering exception passes, the duration coerced to a number; the signatory is the approval, no field", () => {
    expect(filtering.parse({ url: "https://www.geogebra.org", decision: "autoriser", duration_days: "30" })).toEqual({
      url: "https://www.geogebra.org",
      decision: "autoriser",
      duration_days: 30,
    });
    expect(
      filtering.safeParse({ url: "https://www.geogebra.org", decision: "autoriser", duration_days: "30", signed_by: "M. B" }).success,
    ).toBe(false);
  });

  test.each([
    ["a missing URL", { decision: "autoriser", duration_days: 30 }, "url", "Ce champ est obligatoire."],
    [
      "a URL without scheme",
      { url: "geogebra.org", decision: "autoriser", duration_days: 30 },
      "url",
      "Adresse web invalide (elle commence par http:// ou https://).",
    ],
    ["a duration over a year", { url: "https://a.fr", decision: "autoriser", duration_days: 400 }, "duration_days", "Au plus 365."],
    [
      "a duration that is not whole",
      { url: "https://a.fr", decision: "autoriser", duration_days: "2.5" },
      "duration_days",
      "Nombre entier attendu.",
    ],
    [
      "an unknown decision",
      { url: "https://a.fr", decision: "peut-être", duration_days: 3 },
      "decision",
      "Choisissez parmi : autoriser, interdire.",
    ],
  ])("refuses %s", (_, answers, field, message) => {
    const result = filtering.safeParse(answers);
    expect(result.success).toBe(false);
    expect(result.error && translateFieldErrors(fieldErrors(result.error)).find((error) => error.field === field)?.message).toBe(message);
  });

  test("an admin-rights delegation needs the person, the scope, the actions and a valid end date", () => {
    const delegation = categoryAnswersSchema(fieldsOf("SRV-DELEGATION"));
    const result = delegation.safeParse({ person: "", actions: "Installer des logiciels", end_date: "2027-02-30" });
    expect(result.error?.issues.map((issue) => issue.path[0]).sort()).toEqual(["end_date", "person", "scope"]);
  });

  test("optional fields may be left blank; unknown fields are refused", () => {
    const move = categoryAnswersSchema(fieldsOf("POSTE-IMAC"));
    expect(move.parse({ action: "deplacement", from_room: "", to_room: "B204" })).toEqual({ action: "deplacement", to_room: "B204" });
    expect(move.safeParse({ action: "ajout", to_room: "B204", colour: "bleu" }).success).toBe(false);
  });

  test("a category without fields takes an empty object", () => {
    expect(categoryAnswersSchema(fieldsOf("POSTE-PANNE")).parse({})).toEqual({});
  });
});
