import { Client } from "pg";

/** One query against the e2e app's database (inject("e2eDatabaseUrl")), on a connection of its own. */
export async function queryE2eDatabase<Row extends Record<string, unknown>>(
  databaseUrl: string,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  const database = new Client({ connectionString: databaseUrl });
  await database.connect();
  try {
    return (await database.query<Row>(text, values)).rows;
  } finally {
    await database.end();
  }
}
