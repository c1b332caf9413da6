import { expect, test } from "vitest";
import { passwordProblem } from "./password-policy";

const EMAIL = "jean.dupont.cdi@lycee.fr";

test.each([
  ["eleven chars", "abcdefghij1", "too_short"],
  ["twelve accented letters count as twelve", "éléphantrosé", null],
  ["a long sentence", "le chat dort sur le radiateur", null],
  ["129 characters", "x".repeat(64) + "y".repeat(65), "too_long"],
  ["a common one", "azerty123456", "common"],
  ["a common one, in capitals", "AZERTY123456", "common"],
  ["a common one with exclamation marks", "motdepasse2026!!", "common"],
  ["one character repeated", "aaaaaaaaaaaaaaa", "common"],
  ["two characters alternating", "abababababab", "common"],
  ["the e-mail address itself", "Jean.Dupont.CDI@lycee.fr", "same_as_email"],
  ["the e-mail's local part", "jean.dupont.cdi", "same_as_email"],
  ["the local part and more", "jean.dupont.cdi-2026", null],
] as const)("%s → %s", (_, password, expected) => {
  expect(passwordProblem(password, EMAIL)).toBe(expected);
});
