import { inArray } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";

/** The codes among `wanted` that `column` of `table` does not hold. */
export async function missingCodes(db: Executor, table: PgTable, column: PgColumn, wanted: string[]): Promise<string[]> {
  if (!wanted.length) return [];
  const found = await db.select({ code: column }).from(table).where(inArray(column, wanted));
  const known = new Set(found.map((row) => String(row.code)));
  return wanted.filter((code) => !known.has(code));
}
