import { describe, expect, test } from "vitest";
import { z } from "zod";
import { CATALOGUES } from "@/i18n/messages";
import { isMessageKey, translateFieldErrors, translateText } from "@/i18n/text";
import { fieldErrors } from "@/lib/schemas/field-errors";

test.each([
  ["app.signedInAs", { name: "Awa Diallo" }, "fr", "Connecté en tant que Awa Diallo"],
  ["errors.notFound", undefined, "fr", "Page introuvable"],
  ["Une phrase écrite telle quelle.", undefined, "fr", "Une phrase écrite telle quelle."],
  ["app.noSuchKey", undefined, "fr", "app.noSuchKey"],
] as const)("translateText(%s)", (message, values, locale, expected) => {
  expect(translateText(message, values, locale)).toBe(expected);
});

test("English words for a key French and English both have", () => {
  expect(translateText("errors.notFound", undefined, "en")).not.toBe(translateText("errors.notFound", undefined, "fr"));
});

test("only catalogue keys count as keys", () => {
  expect(isMessageKey("errors.notFound")).toBe(true);
  expect(isMessageKey("errors")).toBe(false);
  expect(isMessageKey("errors.nothing")).toBe(false);
});

test("field errors keep their field and get their words", () => {
  expect(translateFieldErrors([{ field: "name", message: "app.signedInAs", values: { name: "X" } }])).toEqual([
    { field: "name", message: "Connecté en tant que X" },
  ]);
});

test("a value that is itself a key is put in words first, in the reader's language", () => {
  const values = { from: "tickets.staffStatus.waiting_requester", to: "tickets.staffStatus.resolved" };
  expect(translateText("desk.errors.transitionImpossible", values, "fr")).toBe(
    "Passage de « En attente du demandeur » à « Résolu » impossible.",
  );
  expect(translateText("desk.errors.transitionImpossible", values, "en")).not.toContain("Résolu");
  expect(translateText("desk.errors.noSuchTeam", { code: "ecole.fr" }, "fr")).toBe("Aucune équipe ecole.fr.");
});

test("every French key has its English words, and the other way round", () => {
  const keys = (node: unknown, prefix = ""): string[] =>
    typeof node === "string"
      ? [prefix]
      : Object.entries(node as Record<string, unknown>).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
  expect(keys(CATALOGUES.en).sort()).toEqual(keys(CATALOGUES.fr).sort());
});

describe("zod's issues as field errors", () => {
  const schema = z
    .object({
      title: z.string().min(3, "tickets.errors.titleTooShort").max(5),
      kind: z.enum(["incident", "request"]),
      count: z.number(),
    })
    .strict();
  const errors = (input: unknown) => {
    const parsed = schema.safeParse(input);
    return parsed.success ? [] : fieldErrors(parsed.error);
  };

  test("a schema's own key is kept; zod's English defaults become forms.zod keys with the issue's values", () => {
    expect(errors({ title: "ab", kind: "panne", count: 1 })).toEqual([
      { field: "title", message: "tickets.errors.titleTooShort", values: { minimum: 3 } },
      { field: "kind", message: "forms.zod.invalid_value", values: { options: "incident, request" } },
    ]);
    expect(errors({ title: "abcdef", kind: "incident", count: "1", extra: 1 })).toEqual([
      { field: "title", message: "forms.zod.too_big", values: { maximum: 5 } },
      { field: "count", message: "forms.zod.invalid_type" },
      { field: "(body)", message: "forms.zod.unrecognized_keys", values: { keys: "extra" } },
    ]);
  });

  test("they read in French and in English", () => {
    const [tooBig] = errors({ title: "abcdef", kind: "incident", count: 1 });
    expect(translateFieldErrors([tooBig!], "fr")).toEqual([{ field: "title", message: "Trop long ou trop grand (maximum : 5)." }]);
    expect(translateFieldErrors([tooBig!], "en")).toEqual([{ field: "title", message: "Too long or too large (maximum: 5)." }]);
  });
});
