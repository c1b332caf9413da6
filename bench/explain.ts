/**
 * EXPLAIN (ANALYZE, BUFFERS) of the SQL a queue request runs, on the bench database:
 *
 *   npx tsx bench/explain.ts "/api/v1/queues/PROX-OUEST?status=closed" [--as admin] [--db guichet_bench]
 *
 * The request's query string goes through the route's own parsing (queueQuery, queueFilters, queueKey)
 * and the caller through loadCaller and ticketScope; listTickets then runs on a Drizzle handle that
 * records its statements, and each one is explained with the parameters it was given. The few lines
 * below that mirror listQueue (team lookup, open statuses by default) must follow lib/services/queues.ts.
 */
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { listTickets } from "@/db/queries/ticket-list";
import * as schema from "@/db/schema";
import { teams, users } from "@/db/schema";
import { closeDatabase } from "@/db/client";
import { OPEN_STATUSES } from "@/lib/domain/ticket-status";
import { ticketScope } from "@/lib/domain/ticket-visibility";
import { queueQuery } from "@/lib/schemas/tickets";
import { queueFilters, queueKey } from "@/lib/services/desk/queue-request";
import { loadCaller } from "@/lib/services/accounts/load-caller";
import { BENCH_REDIS, DEFAULT_BENCH_DATABASE, databaseUrl, option } from "./config";
import { QUEUE_ACCOUNTS } from "./queue-scenarios";

type Statement = { sql: string; params: unknown[] };

async function main(argv: readonly string[]): Promise<void> {
  const target = argv.find((arg) => arg.startsWith("/api/v1/queues/"));
  if (!target) throw new Error('usage: tsx bench/explain.ts "/api/v1/queues/<queue>?<query>" [--as technician|admin] [--db name]');
  const actor = option(argv, "as") === "admin" ? "admin" : "technician";
  const url = databaseUrl(option(argv, "db") ?? process.env.BENCH_DATABASE ?? DEFAULT_BENCH_DATABASE);
  // loadCaller reads through the app's own database handle, configured like the app.
  Object.assign(process.env, {
    DATABASE_URL: url,
    REDIS_URL: BENCH_REDIS,
    APP_URL: "http://127.0.0.1",
    AUTH_SECRET: "bench-explain",
    SMTP_URL: "smtp://127.0.0.1:2525",
    MAIL_FROM: "bench@guichet.test",
    UPLOAD_DIR: "/tmp",
  });

  const parsed = new URL(target, "http://bench");
  const query = queueQuery.parse(Object.fromEntries(parsed.searchParams));
  const key = queueKey(decodeURIComponent(parsed.pathname.slice("/api/v1/queues/".length)));
  const { status, ...rest } = queueFilters(query);

  const pool = new Pool({ connectionString: url, max: 1 });
  const statements: Statement[] = [];
  const recording = drizzle({
    client: pool,
    schema,
    casing: "snake_case",
    logger: { logQuery: (sql, params) => statements.push({ sql, params }) },
  });
  try {
    const [account] = await recording.select({ id: users.id }).from(users).where(eq(users.email, QUEUE_ACCOUNTS[actor]));
    const caller = account && (await loadCaller(account.id));
    if (!caller) throw new Error(`no account ${QUEUE_ACCOUNTS[actor]} in the bench database`);
    let teamId: string | undefined;
    if (typeof key === "object") {
      const [team] = await recording.select({ id: teams.id }).from(teams).where(eq(teams.code, key.teamCode));
      if (!team) throw new Error(`no team ${key.teamCode}`);
      teamId = team.id;
    }
    statements.length = 0;
    await listTickets(recording, {
      ...rest,
      scope: ticketScope(caller, new Date()),
      teamId,
      assignee: key === "mine" ? caller.id : key === "unassigned" ? "none" : undefined,
      ...(status ? { status } : { statuses: OPEN_STATUSES }),
    });
    for (const statement of statements) {
      console.log(`-- ${statement.sql}\n-- params: ${JSON.stringify(statement.params)}\n`);
      const { rows } = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.params);
      console.log(rows.map((row) => row["QUERY PLAN"]).join("\n"));
    }
  } finally {
    await pool.end();
    await closeDatabase();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
