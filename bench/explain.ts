/**
 * EXPLAIN (ANALYZE, BUFFERS) of the SQL a queue or ticket list request runs, on the bench database:
 *
 *   npx tsx bench/explain.ts "/api/v1/queues/PROX-OUEST?status=closed" [--as admin] [--db guichet_bench]
 *   npx tsx bench/explain.ts "/api/v1/tickets?mine=true" [--as technician|admin|requester] [--db guichet_bench]
 *
 * The request's query string goes through the route's own parsing (queueQuery, queueFilters, queueKey;
 * listTicketsQuery) and the caller through loadCaller and ticketScope; listTickets then runs on a Drizzle
 * handle that records its statements, and each one is explained with the parameters it was given. The few
 * lines below that mirror listQueue (team lookup, open statuses by default, the at-risk queue's states and sort) must follow lib/services/queues.ts,
 * and those of the ticket list GET /api/v1/tickets and lib/services/tickets/list-tickets.ts.
 */
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { listTickets } from "@/db/queries/ticket-list";
import { teams, users } from "@/db/schema";
import { closeDatabase } from "@/db/client";
import { OPEN_STATUSES } from "@/lib/domain/ticket-status";
import { ticketScope } from "@/lib/domain/ticket-visibility";
import { listTicketsQuery, queueQuery } from "@/lib/schemas/tickets";
import { queueFilters, queueKey } from "@/lib/services/desk/queue-request";
import { AT_RISK_STATES } from "@/lib/services/desk/queues";
import { loadCaller } from "@/lib/services/accounts/load-caller";
import { BENCH_REDIS, DEFAULT_BENCH_DATABASE, databaseUrl, option } from "./config";
import { LIST_ACCOUNTS } from "./list-scenarios";
import { QUEUE_ACCOUNTS } from "./queue-scenarios";

type Statement = { sql: string; params: unknown[] };

async function main(argv: readonly string[]): Promise<void> {
  const target = argv.find((arg) => arg.startsWith("/api/v1/queues/") || arg.startsWith("/api/v1/tickets?"));
  if (!target)
    throw new Error(
      'usage: tsx bench/explain.ts "/api/v1/queues/<queue>?<query>" | "/api/v1/tickets?<query>" [--as technician|admin|requester] [--db name]',
    );
  const as = option(argv, "as");
  const email = as === "requester" ? LIST_ACCOUNTS.requester : QUEUE_ACCOUNTS[as === "admin" ? "admin" : "technician"];
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
  const searchParams = Object.fromEntries(parsed.searchParams);
  const pool = new Pool({ connectionString: url, max: 1 });
  const statements: Statement[] = [];
  const recording = drizzle({
    client: pool,
    casing: "snake_case",
    logger: { logQuery: (sql, params) => statements.push({ sql, params }) },
  });
  try {
    const [account] = await recording.select({ id: users.id }).from(users).where(eq(users.email, email));
    const caller = account && (await loadCaller(account.id));
    if (!caller) throw new Error(`no account ${email} in the bench database`);
    const scope = ticketScope(caller, new Date());
    if (parsed.pathname === "/api/v1/tickets") {
      const { establishment, service, cursor, mine, ...rest } = listTicketsQuery.parse(searchParams);
      statements.length = 0;
      await listTickets(recording, {
        ...rest,
        establishmentUai: establishment,
        serviceCode: service,
        after: cursor,
        scope,
        requesterId: mine ? caller.id : undefined,
      });
    } else {
      const key = queueKey(decodeURIComponent(parsed.pathname.slice("/api/v1/queues/".length)));
      const { status, sort, ...rest } = queueFilters(queueQuery.parse(searchParams));
      let teamId: string | undefined;
      if (typeof key === "object") {
        const [team] = await recording.select({ id: teams.id }).from(teams).where(eq(teams.code, key.teamCode));
        if (!team) throw new Error(`no team ${key.teamCode}`);
        teamId = team.id;
      }
      statements.length = 0;
      await listTickets(recording, {
        ...rest,
        sort: sort ?? (key === "at-risk" ? "due_asc" : "created_desc"),
        scope,
        teamId,
        slaStates: key === "at-risk" ? AT_RISK_STATES : undefined,
        assignee: key === "mine" ? caller.id : key === "unassigned" ? "none" : undefined,
        ...(status ? { status } : { statuses: OPEN_STATUSES }),
      });
    }
    for (const statement of statements) {
      console.log(`-- ${statement.sql}\n-- params: ${JSON.stringify(statement.params)}\n`);
      // Run once first: a new connection's first planning reads the catalog, which a pooled app connection has cached.
      await pool.query(statement.sql, statement.params);
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
