import { describe, expect, test } from "vitest";
import { isValidUai, normalizeUai, uaiCheckLetter, uaiProblem } from "./uai";

describe("uaiProblem", () => {
  test.each([
    ["0370037P", null],
    ["0450029M", null],
    ["0180010N", null],
    ["0280022X", null],
    ["0450051L", null],
    [" 0370037p ", null],
    ["0450051I", "check_letter"],
    ["0370037Q", "check_letter"],
    ["0370037A", "check_letter"],
    ["037003P", "format"],
    ["03700377P", "format"],
    ["A370037P", "format"],
    ["03700370", "format"],
    ["", "format"],
    ["0370 037P", "format"],
  ])("%j → %j", (input, expected) => {
    expect(uaiProblem(input)).toBe(expected);
    expect(isValidUai(input)).toBe(expected === null);
  });
});

test("the check letter never uses I, O or Q", () => {
  const letters = new Set(Array.from({ length: 23 }, (_, rest) => uaiCheckLetter(String(rest))));
  expect(letters.size).toBe(23);
  for (const excluded of ["I", "O", "Q"]) expect(letters.has(excluded)).toBe(false);
});

test("normalizeUai trims and upper-cases", () => {
  expect(normalizeUai(" 0370037p\n")).toBe("0370037P");
});
