import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

/**
 * CSV as French inventory exports write it: UTF-8 (with or without BOM) or Windows-1252, separated by
 * semicolons (Excel in French) or commas. What we write: UTF-8 with a BOM and semicolons, which Excel
 * in French opens as it is and the import reads back.
 */
export type CsvEncoding = "utf-8" | "windows-1252";
export type CsvDelimiter = ";" | "," | "\t";

export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    // Fatal: bytes that are not UTF-8 (an é written as 0xE9) throw, and the file is read as Windows-1252.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

/** The separator of the header line: the one that occurs most outside quotes (semicolon on a tie, as French exports do). */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char in counts) counts[char as CsvDelimiter] += 1;
  }
  const best = (Object.entries(counts) as Array<[CsvDelimiter, number]>).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 && best[1] > counts[";"] ? best[0] : ";";
}

export type CsvTable = {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  headers: string[];
  rows: Array<{ line: number; cells: string[] }>;
};

/** Reads a whole file: headers, then each non-empty row with the line it ends on. Throws a {@link CsvError} on broken quoting. */
export function readCsv(bytes: Uint8Array): CsvTable {
  const { text, encoding } = decodeCsv(bytes);
  const delimiter = detectDelimiter(text);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      delimiter,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      bom: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw new CsvError((error as Error).message);
  }
  const [header, ...rest] = records.map((row) => ({ ...row, record: row.record.map(restoreFormulaCell) }));
  return {
    encoding,
    delimiter,
    headers: header ? header.record.map((cell) => cell.trim()) : [],
    rows: rest.filter((row) => row.record.some((cell) => cell.trim() !== "")).map((row) => ({ line: row.info.lines, cells: row.record })),
  };
}

/** A file the parser could not read; `message` is the parser's own (English) reason, shown as a detail. */
export class CsvError extends Error {}

/**
 * A text a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first: `=HYPERLINK(…)` sending the
 * sheet to another site, `-2+3+cmd|…`) gets a leading `'`, so Excel and LibreOffice show it as text. Any text
 * starting so is neutralised, "-12" included: telling a harmless number from a formula would take a spreadsheet's
 * own parser. The full-width ＝ ＋ － ＠ count too (Apple Numbers reads them as the ASCII ones). Numbers (counts,
 * ages) are numbers, written as they are. Texts already starting with `'` before such a character get one more,
 * so {@link restoreFormulaCell} always gives back the original.
 */
const FORMULA_START = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

function neutraliseFormulaCell(cell: unknown): unknown {
  return typeof cell === "string" && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The reverse, on reading a file: the `'` our export (or a spreadsheet user) put before a formula character goes. */
function restoreFormulaCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * Rows → CSV text (UTF-8 BOM, semicolons, CRLF), as Excel in French expects. Every CSV Guichet hands out is
 * written here, formula-like texts neutralised.
 */
export function writeCsv(rows: ReadonlyArray<ReadonlyArray<unknown>>, options: { bom?: boolean } = {}): string {
  const cells = rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? "" : neutraliseFormulaCell(cell))));
  // A line break inside a cell is quoted (csv-stringify leaves a lone \n or \r bare when the record delimiter is \r\n).
  const text = stringify(cells, { delimiter: ";", record_delimiter: "windows", quoted_match: /[\r\n]/ });
  return options.bom === false ? text : `\ufeff${text}`;
}
