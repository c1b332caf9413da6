import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { Client } from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { backup, restore } from "@/db/backup";
import { database } from "@/db/client";
import { attachments, tickets } from "@/db/schema";
import { env } from "@/lib/env";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { callerFor } from "../support/callers";
import { useOwnDatabase } from "../support/own-database";
import { TEST_POSTGRES } from "../support/test-database";

let drop: () => Promise<void>;
let work: string;
const restoredName = `guichet_restored_${Date.now().toString(36)}`;
const restoredUrl = `${TEST_POSTGRES}/${restoredName}`;

beforeAll(async () => {
  drop = await useOwnDatabase("backup");
  work = await mkdtemp(path.join(tmpdir(), "guichet-backup-"));
});

afterAll(async () => {
  const admin = new Client({ connectionString: `${TEST_POSTGRES}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`);
  await admin.end();
  await rm(work, { recursive: true, force: true });
  await drop();
});

/** Every table of both schemas with its row count and a digest of its rows in a stable order. */
async function tableDigests(url: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      "SELECT schemaname || '.' || tablename AS name FROM pg_tables WHERE schemaname IN ('public', 'drizzle') ORDER BY 1",
    );
    const digests: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const [schema, table] = name.split(".");
      const digest = await client.query<{ rows: string; md5: string | null }>(
        `SELECT count(*)::text AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM "${schema}"."${table}" t`,
      );
      digests[name] = `${digest.rows[0]!.rows}:${digest.rows[0]!.md5}`;
    }
    return digests;
  } finally {
    await client.end();
  }
}

test("a seeded database and its attachments come back identical from db:backup into an empty database", async () => {
  const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
  const filed = await createTicket(
    await callerFor("csl.choiseul@guichet.test"),
    {
      type: "incident",
      serviceCode: "POSTE",
      categoryCode: "POSTE-PANNE",
      establishmentUai: "0370037P",
      title: "Poste en panne, photo du message jointe",
      description: "Le message d'erreur est dans le PDF.",
      impact: "individual",
      urgency: "medium",
      fields: {},
      ciIds: [],
    },
    [{ name: "erreur.pdf", bytes: pdf }],
    new Date(),
  );
  expect(filed.ok).toBe(true);
  const [file] = await database()
    .select({ storageKey: attachments.storageKey })
    .from(attachments)
    .innerJoin(tickets, eq(tickets.id, attachments.ticketId))
    .where(eq(tickets.title, "Poste en panne, photo du message jointe"));

  const dump = path.join(work, "guichet.dump");
  await backup({ databaseUrl: env().DATABASE_URL, uploadDir: env().UPLOAD_DIR }, dump);
  const restoredUploads = path.join(work, "uploads");
  await restore({ databaseUrl: restoredUrl, uploadDir: restoredUploads }, dump);

  const [before, after] = await Promise.all([tableDigests(env().DATABASE_URL), tableDigests(restoredUrl)]);
  expect(Object.keys(before)).toContain("public.tickets");
  expect(Object.keys(before)).toContain("drizzle.__drizzle_migrations");
  expect(Number(before["public.tickets"]!.split(":")[0])).toBeGreaterThan(0);
  expect(after).toEqual(before);
  const restoredFile = await readFile(path.join(restoredUploads, file!.storageKey));
  expect(Buffer.compare(restoredFile, await readFile(path.join(env().UPLOAD_DIR, file!.storageKey)))).toBe(0);
  expect(Buffer.from(restoredFile).toString("latin1")).toContain("%PDF-1.4");
});

test("a restore never overwrites: a database that holds tables, or a folder that holds files, is refused", async () => {
  const dump = path.join(work, "guichet.dump");
  await expect(restore({ databaseUrl: env().DATABASE_URL, uploadDir: path.join(work, "empty") }, dump)).rejects.toThrow(
    /contient déjà des tables/,
  );
  const otherName = `${restoredName}_b`;
  const busyUploads = path.join(work, "busy-uploads");
  await mkdir(busyUploads, { recursive: true });
  await writeFile(path.join(busyUploads, "already-here.pdf"), "%PDF-1.4\n");
  try {
    await expect(restore({ databaseUrl: `${TEST_POSTGRES}/${otherName}`, uploadDir: busyUploads }, dump)).rejects.toThrow(/n'est pas vide/);
  } finally {
    const admin = new Client({ connectionString: `${TEST_POSTGRES}/postgres` });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${otherName}" WITH (FORCE)`);
    await admin.end();
  }
});
