import { foldLabel } from "./ci-classes";

/**
 * What every CSV import shares (inventory, accounts): a file's row as the planner sees it, the four outcomes
 * of a row, the reading of headers other tools write, and the plan's counts.
 */

/** A row of the file: the line it ends on, and its cells by our column name. */
export type ImportRecord = { line: number; values: Record<string, string> };

export type ImportAction = "create" | "update" | "unchanged" | "reject";

/**
 * Reads a header as an import understands it: one of its columns (as written, or with spaces for
 * underscores), a known alias (folded: "Prénom", "prenom" and "PRENOM" are one), or null for a column it ignores.
 */
export function columnReader(columns: readonly string[], aliases: Readonly<Record<string, string>>): (header: string) => string | null {
  return (header) => {
    const snake = header.trim().toLowerCase().replace(/\s+/g, "_");
    if (columns.includes(snake)) return snake;
    return aliases[foldLabel(header)] ?? columns.find((column) => foldLabel(column) === foldLabel(header)) ?? null;
  };
}

export type ImportCounts = { created: number; updated: number; unchanged: number; rejected: Array<{ line: number; reasons: string[] }> };

/** How many rows create, update or change nothing, and the refused ones with their reasons. */
export function importCounts(rows: ReadonlyArray<{ line: number; action: ImportAction; reasons: string[] }>): ImportCounts {
  const count = (action: ImportAction) => rows.filter((row) => row.action === action).length;
  return {
    created: count("create"),
    updated: count("update"),
    unchanged: count("unchanged"),
    rejected: rows.filter((row) => row.action === "reject").map((row) => ({ line: row.line, reasons: row.reasons })),
  };
}
