import { describe, expect, test } from "vitest";
import { columnReader, importCounts, type ImportAction } from "./csv-import";

describe("columnReader", () => {
  const read = columnReader(["email", "first_name"], { courriel: "email", prenom: "first_name" });
  test.each([
    ["email", "email"],
    [" EMAIL ", "email"],
    ["first name", "first_name"],
    ["First_Name", "first_name"],
    ["Prénom", "first_name"],
    ["PRENOM", "first_name"],
    ["Courriel", "email"],
    ["e-mail", "email"],
    ["Téléphone", null],
    ["", null],
  ])("%j → %j", (header, column) => {
    expect(read(header)).toBe(column);
  });
});

describe("importCounts", () => {
  const row = (line: number, action: ImportAction, reasons: string[] = []) => ({ line, action, reasons });
  test.each([
    [[], { created: 0, updated: 0, unchanged: 0, rejected: [] }],
    [[row(2, "create"), row(3, "create"), row(4, "update"), row(5, "unchanged")], { created: 2, updated: 1, unchanged: 1, rejected: [] }],
    [
      [row(2, "reject", ["UAI manquant."]), row(3, "unchanged")],
      { created: 0, updated: 0, unchanged: 1, rejected: [{ line: 2, reasons: ["UAI manquant."] }] },
    ],
  ])("%#", (rows, expected) => {
    expect(importCounts(rows)).toEqual(expected);
  });
});
