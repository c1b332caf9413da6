import type { ImportCounts, ImportRecord } from "@/lib/domain/csv-import";
import { CsvError, readCsv, writeCsv, type CsvTable } from "./csv";
import type { TextValues, Translate } from "@/i18n/text";
import { fail, succeed, type ServiceResult } from "../service-result";

/**
 * The reading of an uploaded CSV every import shares (inventory, accounts): size and emptiness checks, the
 * encoding and separator, the headers mapped to the import's columns (the required ones present), the rows
 * as records; then the error report of the refused rows.
 */

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** The multipart request around the file: room for its part's headers and the boundaries, nothing more. */
export const MAX_IMPORT_REQUEST_BYTES = MAX_IMPORT_BYTES + 64 * 1024;
export const MAX_IMPORT_ROWS = 50_000;

/** How the file was read, echoed in every result. */
export type ImportShape = { encoding: CsvTable["encoding"]; delimiter: string; ignoredColumns: string[] };
export type ImportFile = { table: CsvTable; records: ImportRecord[]; shape: ImportShape };

const invalid = (message: string, field = message, values?: TextValues) =>
  fail<never>({ kind: "invalid", message, values, errors: [{ field: "file", message: field, values }] });

export function readImportFile(
  bytes: Uint8Array,
  columns: { of: (header: string) => string | null; required: readonly string[] },
): ServiceResult<ImportFile> {
  if (bytes.byteLength === 0) return invalid("forms.csv.empty", "forms.csv.emptyField");
  if (bytes.byteLength > MAX_IMPORT_BYTES) return invalid("forms.csv.tooLarge", "forms.csv.tooLargeField");
  let table: CsvTable;
  try {
    table = readCsv(bytes);
  } catch (error) {
    if (error instanceof CsvError) return invalid("forms.csv.unreadable", undefined, { reason: error.message });
    throw error;
  }
  const mapped = table.headers.map(columns.of);
  const missing = columns.required.filter((column) => !mapped.includes(column));
  if (missing.length)
    return invalid(table.headers.length ? "forms.csv.missingColumns" : "forms.csv.missingColumnsNoHeader", undefined, {
      missing: missing.join(", "),
      headers: table.headers.join(", "),
    });
  if (table.rows.length > MAX_IMPORT_ROWS) return invalid("forms.csv.tooManyRows", "forms.csv.tooManyRowsField", { max: MAX_IMPORT_ROWS });
  const records = table.rows.map((row) => ({
    line: row.line,
    values: Object.fromEntries(mapped.flatMap((column, index) => (column ? [[column, row.cells[index] ?? ""]] : []))),
  }));
  return succeed({
    table,
    records,
    shape: {
      encoding: table.encoding,
      delimiter: table.delimiter,
      ignoredColumns: table.headers.filter((_, index) => mapped[index] === null),
    },
  });
}

/** A dry run or not; the refused rows' reasons in the words of `words` (the form's reader), else in French (the API's). */
export type ImportOptions = { dryRun: boolean; words?: Translate };

/** What an import answers: how the file was read, the counts, each row's outcome, and the error report. */
export type ImportOutcome<Row> = ImportShape &
  ImportCounts & {
    dryRun: boolean;
    rows: Row[];
    /** The refused rows as they were in the file, each with its line and reasons first: to fix and import again. Null when none was refused. */
    errorReport: string | null;
  };

export function importOutcome<Row>(counts: ImportCounts, { table, shape }: ImportFile, dryRun: boolean, rows: Row[]): ImportOutcome<Row> {
  const reasons = new Map(counts.rejected.map((row) => [row.line, row.reasons]));
  const refused = table.rows
    .filter((row) => reasons.has(row.line))
    .map((row) => [row.line, reasons.get(row.line)!.join(" | "), ...row.cells]);
  return {
    dryRun,
    ...shape,
    created: counts.created,
    updated: counts.updated,
    unchanged: counts.unchanged,
    rejected: counts.rejected,
    rows,
    errorReport: refused.length ? writeCsv([["ligne", "erreurs", ...table.headers], ...refused]) : null,
  };
}
