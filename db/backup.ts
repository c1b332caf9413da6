import { execFile } from "node:child_process";
import { mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { Client } from "pg";
import { ensureDatabase } from "./migrator";

const run = promisify(execFile);

/** A backup is two files: the database in pg_dump's custom format, and the attachments beside it. */
export const uploadsArchiveOf = (file: string) => `${file}.uploads.tar`;

type Stores = { databaseUrl: string; uploadDir: string };

/**
 * Writes `file` (pg_dump custom format: compressed, restorable table by table) and `file.uploads.tar` (every
 * attachment under UPLOAD_DIR, by storage key). The dump is one consistent snapshot; attachments are written
 * before their ticket's transaction, so a file archived after the dump only adds an unreferenced file.
 */
export async function backup(stores: Stores, file: string): Promise<void> {
  await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${stores.databaseUrl}`]);
  await mkdir(stores.uploadDir, { recursive: true });
  await run("tar", ["--create", `--file=${uploadsArchiveOf(file)}`, `--directory=${stores.uploadDir}`, "."]);
}

/** Whether the database holds any table of ours: a restore goes into an empty one only, never over live data. */
async function holdsTables(databaseUrl: string): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_tables WHERE schemaname IN ('public', 'drizzle') LIMIT 1");
    return (found.rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/**
 * Restores `file` into DATABASE_URL's database (created when missing; refused when it already holds tables)
 * in one transaction, then the attachments into UPLOAD_DIR (refused when it already holds files).
 */
export async function restore(stores: Stores, file: string): Promise<void> {
  await ensureDatabase(stores.databaseUrl);
  if (await holdsTables(stores.databaseUrl)) {
    throw new Error(`La base ${new URL(stores.databaseUrl).pathname.slice(1)} contient déjà des tables : restaurez dans une base vide.`);
  }
  await mkdir(stores.uploadDir, { recursive: true });
  if ((await readdir(stores.uploadDir)).length > 0) {
    throw new Error(`Le dossier ${path.resolve(stores.uploadDir)} n'est pas vide : restaurez les pièces jointes dans un dossier vide.`);
  }
  await run("pg_restore", [
    "--no-owner",
    "--no-privileges",
    "--exit-on-error",
    "--single-transaction",
    `--dbname=${stores.databaseUrl}`,
    file,
  ]);
  await run("tar", ["--extract", `--file=${uploadsArchiveOf(file)}`, `--directory=${stores.uploadDir}`]);
}
