/**
 * Fills a benchmark database: migrations, the reference and demo seed, then the volume
 * (250,000 tickets over three school years, their journal, 100,000 configuration items,
 * 30 more technicians and the schools' staff) with set-based SQL, and ANALYZE. `--scale national`
 * first adds the twelve other Régions (about 1,980 schools, their zones and teams) and fills 2,500,000
 * tickets over ten school years and 1,000,000 items, same shapes and draws; `--fraction 0.02` a reduced copy.
 *
 *   npx tsx bench/seed-volume.ts [--db guichet_bench] [--fresh] [--scale region|national] [--fraction 1]
 *
 * Idempotent: a database that already holds the volume is left as it is; `--fresh` drops it first.
 */
import { pathToFileURL } from "node:url";
import { drizzle } from "drizzle-orm/node-postgres";
import { Client } from "pg";
import { createDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrator";
import { seed } from "@/db/seed/seed";
import { BENCH_POSTGRES, VOLUMES, databaseUrl, defaultDatabase, flag, option, volumeFor, type Volume } from "./config";
import { addNationalGeography, nationalTechnicians } from "./volume/national";
import { topUpInventory } from "./volume/inventory";
import { seedPeople } from "./volume/people";
import { loadRoutedCombos } from "./volume/routes";
import { fillSlaOutcomes, hasSlaOutcomes } from "./volume/sla-outcomes";
import { addTickets } from "./volume/tickets";

export type VolumeCounts = {
  tickets: number;
  openTickets: number;
  events: number;
  configurationItems: number;
  users: number;
  schools: number;
  zones: number;
  /** pg_database_size, in MB. */
  databaseMb: number;
};
export type VolumeResult = { databaseUrl: string; seeded: boolean; seconds: number; counts: VolumeCounts };

const log = (message: string) => console.log(`[seed-volume] ${message}`);

async function dropDatabase(name: string): Promise<void> {
  // Only ever a benchmark database: --fresh must not be able to wipe the app's own.
  if (!name.includes("bench")) throw new Error(`refusing to drop "${name}": only databases whose name contains "bench"`);
  const admin = new Client({ connectionString: `${BENCH_POSTGRES}/postgres` });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export async function volumeCounts(client: Client): Promise<VolumeCounts> {
  const {
    rows: [row],
  } = await client.query<Record<keyof VolumeCounts, string>>(`SELECT
    (SELECT count(*) FROM tickets) AS tickets,
    (SELECT count(*) FROM tickets WHERE status IN ('new', 'assigned', 'in_progress', 'waiting_requester', 'waiting_vendor')) AS "openTickets",
    (SELECT count(*) FROM ticket_events) AS events,
    (SELECT count(*) FROM configuration_items) AS "configurationItems",
    (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM establishments) AS schools, (SELECT count(*) FROM zones) AS zones,
    pg_database_size(current_database()) / (1024 * 1024) AS "databaseMb"`);
  return {
    tickets: Number(row!.tickets),
    openTickets: Number(row!.openTickets),
    events: Number(row!.events),
    configurationItems: Number(row!.configurationItems),
    users: Number(row!.users),
    schools: Number(row!.schools),
    zones: Number(row!.zones),
    databaseMb: Number(row!.databaseMb),
  };
}

async function countTickets(client: Client): Promise<number> {
  const {
    rows: [row],
  } = await client.query<{ count: string }>("SELECT count(*) FROM tickets");
  return Number(row!.count);
}

/** Migrates, seeds and fills `name` unless it already holds the volume; returns what it holds and how long the fill took. */
export async function seedVolume({
  volume = VOLUMES.region,
  name = defaultDatabase(volume),
  fresh = false,
}: { volume?: Volume; name?: string; fresh?: boolean } = {}): Promise<VolumeResult> {
  const url = databaseUrl(name);
  const started = performance.now();
  if (fresh) {
    log(`dropping ${name}`);
    await dropDatabase(name);
  }
  await migrateDatabase(url);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const existing = await countTickets(client);
    if (existing >= volume.tickets) {
      // A volume seeded before the SLA outcomes existed gets them once (the dashboards' benchmarks read them).
      if (!(await hasSlaOutcomes(client))) {
        log(`${name} holds ${existing} tickets without SLA outcomes: filling them`);
        await client.query("SELECT setseed(0.2027)");
        await client.query("BEGIN");
        await fillSlaOutcomes(client, log);
        await client.query("COMMIT");
        await client.query("VACUUM (ANALYZE)");
        return { databaseUrl: url, seeded: true, seconds: (performance.now() - started) / 1000, counts: await volumeCounts(client) };
      }
      log(`${name} already holds ${existing} tickets; nothing to do (--fresh rebuilds it)`);
      return { databaseUrl: url, seeded: false, seconds: 0, counts: await volumeCounts(client) };
    }

    log("reference and demo seed");
    const { db, pool } = createDatabase(url);
    try {
      await seed(db, { demo: true });
    } finally {
      await pool.end();
    }

    await client.query("SET synchronous_commit = off");
    await client.query("SET work_mem = '128MB'");
    await client.query("SET maintenance_work_mem = '512MB'");
    // Repeatable: the same seed draws the same volume (ids and the seeding date aside).
    await client.query("SELECT setseed(0.2026)");
    await client.query("BEGIN");
    try {
      let added = {};
      if (volume.addedSchools > 0) {
        const zones = await addNationalGeography(client, volume.addedSchools);
        added = nationalTechnicians(zones);
        log(`other Régions: ${zones.length} zones, ${zones.reduce((sum, zone) => sum + zone.schools, 0)} schools`);
      }
      log("technicians and school staff");
      await seedPeople(client, added);
      let step = performance.now();
      const cis = await topUpInventory(client, volume.configurationItems);
      log(`configuration items: +${cis} in ${((performance.now() - step) / 1000).toFixed(1)} s`);
      step = performance.now();
      const slots = await loadRoutedCombos(client, drizzle({ client, casing: "snake_case" }));
      const missing = volume.tickets - existing;
      await addTickets(client, missing, slots, volume.firstDay, log);
      log(`tickets: +${missing} with their journal in ${((performance.now() - step) / 1000).toFixed(1)} s`);
      step = performance.now();
      await fillSlaOutcomes(client, log);
      log(`SLA outcomes, vendor waits and ratings in ${((performance.now() - step) / 1000).toFixed(1)} s`);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
    let step = performance.now();
    // Tickets filed over ten years lie in the table in filing order; the SLA outcomes' UPDATE of every ticket
    // scattered the national volume's (created_at's correlation with the row order 0.49, 0.98 at one Région): the
    // admin's newest page with `q=` read 583 buffers, 424 once the table is rewritten in that order (97 s nationally).
    await client.query("CLUSTER tickets USING tickets_created_idx");
    log(`tickets laid out in filing order in ${((performance.now() - step) / 1000).toFixed(1)} s`);
    step = performance.now();
    // What autovacuum would have done on a live system: statistics, visibility map, hint bits.
    await client.query("VACUUM (ANALYZE)");
    log(`VACUUM (ANALYZE) in ${((performance.now() - step) / 1000).toFixed(1)} s`);
    const seconds = (performance.now() - started) / 1000;
    const counts = await volumeCounts(client);
    log(`done in ${seconds.toFixed(1)} s: ${JSON.stringify(counts)}`);
    return { databaseUrl: url, seeded: true, seconds, counts };
  } finally {
    await client.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const argv = process.argv.slice(2);
  const volume = volumeFor(argv);
  seedVolume({
    volume,
    name: option(argv, "db") ?? process.env.BENCH_DATABASE ?? defaultDatabase(volume),
    fresh: flag(argv, "fresh"),
  }).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
