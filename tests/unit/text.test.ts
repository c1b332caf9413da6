import { expect, test } from "vitest";
import { isMessageKey, translateFieldErrors, translateText } from "@/i18n/text";

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
  expect(translateFieldErrors([{ field: "name", message: "app.signedInAs", values: { name: "X" } }])).toEqual([{ field: "name", message: "Connecté en tant que X" }]);
});
