import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

const parisYear = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", year: "numeric" });

/**
 * The next GU-<year>-<number> reference, numbered per year (Paris time), and `journalEntries` ids of the journal's
 * sequence, for a filing to write its entries with their ids known (and what refers to them) in one statement. On
 * the pool, the number is committed at once (the counter's row is locked for this statement only); inside a
 * transaction, it is that transaction's.
 */
export async function numberFiling(tx: Executor, now: Date, journalEntries: number): Promise<{ reference: string; eventIds: number[] }> {
  const year = Number(parisYear.format(now));
  const result = await tx.execute<{ last: number; event_ids: string[] }>(sql`
    WITH counter AS (
      INSERT INTO ticket_counters (year, last) VALUES (${year}, 1)
      ON CONFLICT (year) DO UPDATE SET last = ticket_counters.last + 1
      RETURNING last)
    SELECT last, ARRAY(SELECT nextval('ticket_events_id_seq') FROM generate_series(1, ${journalEntries}::int)) AS event_ids
    FROM counter`);
  const row = result.rows[0]!;
  return { reference: `GU-${year}-${String(row.last).padStart(6, "0")}`, eventIds: row.event_ids.map(Number) };
}

/** The next reference alone, for a ticket whose journal is written as it goes. */
export const nextTicketReference = async (tx: Executor, now: Date): Promise<string> => (await numberFiling(tx, now, 0)).reference;
