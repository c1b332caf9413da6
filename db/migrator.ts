import path from "node:path";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { Client } from "pg";
import { createDatabase } from "./client";

/** Creates the database named in the URL when it does not exist yet (a fresh machine). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

export async function migrateDatabase(url: string): Promise<void> {
  await ensureDatabase(url);
  const { db, pool } = createDatabase(url);
  try {
    await migrate(db, { migrationsFolder: path.join(process.cwd(), "db/migrations") });
  } finally {
    await pool.end();
  }
}
