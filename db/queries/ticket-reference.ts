import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

const parisYear = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", year: "numeric" });

/**
 * The next GU-<year>-<number> reference, numbered per year (Paris time). On the pool, a filing's number is committed
 * at once (the counter's row is locked for this statement only); inside a transaction, it is that transaction's.
 */
export async function nextTicketReference(tx: Executor, now: Date): Promise<string> {
  const year = Number(parisYear.format(now));
  const result = await tx.execute<{ last: number }>(sql`
    INSERT INTO ticket_counters (year, last) VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET last = ticket_counters.last + 1
    RETURNING last`);
  return `GU-${year}-${String(result.rows[0]!.last).padStart(6, "0")}`;
}
