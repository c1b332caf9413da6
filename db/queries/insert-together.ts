import { sql, type SQLWrapper } from "drizzle-orm";
import type { Executor } from "@/db/client";

/**
 * Runs INSERTs that need nothing of each other's results as one statement (data-modifying CTEs): one round trip,
 * atomic on its own, so a change made only of them needs no transaction. PostgreSQL checks foreign keys at the end
 * of the statement, so a row may refer to one written beside it; the INSERTs share one snapshot, so none may depend
 * on what another writes (an ON CONFLICT against a sibling's row). A null stands for an INSERT with no rows (the
 builders return one when there is nothing to write). Returns the rows of `returning`'s RETURNING.
 */
export async function insertTogether<Row extends Record<string, unknown> = Record<string, unknown>>(
  db: Executor,
  inserts: readonly (SQLWrapper | null)[],
  returning?: SQLWrapper | null,
): Promise<Row[]> {
  const all = [...inserts, returning ?? null].filter((insert) => insert !== null);
  if (!all.length) return [];
  // getSQL(): the statement itself (a query builder placed in sql`` is parenthesised as a subquery).
  const named = all.map((insert, index) => sql`${sql.raw(`w${index}`)} AS (${insert.getSQL()})`);
  // Every CTE runs to completion whether or not the final SELECT reads it.
  const result = await db.execute<Row>(
    sql`WITH ${sql.join(named, sql`, `)} ${sql.raw(returning ? `SELECT * FROM w${all.length - 1}` : "SELECT")}`,
  );
  return returning ? (result.rows as Row[]) : [];
}
