import type { SQLWrapper } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { PgDialect } from "drizzle-orm/pg-core";
import { Pool } from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
export type Database = NodePgDatabase;
/** The handle a service receives: the database itself or an open transaction. */
export type Executor = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Property names in the schema are camelCase, columns snake_case: for the pools and for `inlinedStatement`. */
const CASING = "snake_case";

export function createDatabase(url: string): { db: Database; pool: Pool } {
  // A server that does not answer (restarting, unreachable) fails a checkout within 5 s instead of holding the request.
  const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle connection cut by the server (restart, failover) must not crash the process: the pool replaces it.
  pool.on("error", (error) => logger.warn({ err: error }, "idle database connection lost"));
  // A lent connection cut between two queries (a transaction awaiting an SMTP server or Redis) emits its error on the
  // client, which pg-pool does not listen to while the client is lent: unheard, it ends the process. Heard, the
  // transaction's next query fails and its caller handles that as any failed query.
  pool.on("connect", (client) => client.on("error", (error) => logger.warn({ err: error }, "database connection lost")));
  // No schema handed over: the code writes its queries with the query builder, never drizzle's relational
  // `db.query`, and a schema would have every transaction build a relational builder for each of its tables.
  return { db: drizzle({ client: pool, casing: CASING }), pool };
}

// One pool per process, kept on globalThis so Next's dev reloads do not open new ones.
const holder = globalThis as unknown as { guichetDb?: { db: Database; pool: Pool }; guichetReplica?: { db: Database; pool: Pool } };

export function database(): Database {
  holder.guichetDb ??= createDatabase(env().DATABASE_URL);
  return holder.guichetDb.db;
}

/**
 * Where dashboards and exports read: a streaming replica (DATABASE_REPLICA_URL), or the primary when none is
 * set. Read-only: figures may lag the primary by what the replica's lag is; writes (their audit rows) go to
 * `database()`.
 */
export function replicaDatabase(): Database {
  const url = env().DATABASE_REPLICA_URL;
  if (url === undefined || url === env().DATABASE_URL) return database();
  holder.guichetReplica ??= createDatabase(url);
  return holder.guichetReplica.db;
}

/**
 * A transaction its caller ends in the same message as its last write: `work` runs after BEGIN on a connection of the
 * pool, with a handle on it, and returns the text that ends it, "COMMIT" or a statement followed by "; COMMIT" (the
 * simple protocol: values written in as literals, see `inlinedStatement`). From the moment that message is written, the
 * commit no longer depends on this process: PostgreSQL runs what it received even if the process is killed. If `work`
 * or the end throws, the transaction is rolled back and the connection dropped.
 */
export async function transactionEndedBy<T>(work: (tx: Database) => Promise<{ value: T; end: string }>): Promise<T> {
  database();
  const connection = await holder.guichetDb!.pool.connect();
  try {
    await connection.query("BEGIN");
    const { value, end } = await work(drizzle({ client: connection, casing: CASING }));
    await connection.query(end);
    connection.release();
    return value;
  } catch (error) {
    // A broken connection fails its ROLLBACK too; it is dropped either way.
    await connection.query("ROLLBACK").catch(() => undefined);
    connection.release(true);
    throw error;
  }
}

/** A query's text with its values written in as literals: for a message sent with the simple protocol (`transactionEndedBy`). */
export const inlinedStatement = (query: SQLWrapper): string =>
  new PgDialect({ casing: CASING }).sqlToQuery(query.getSQL().inlineParams()).sql;

export async function closeDatabase(): Promise<void> {
  await Promise.all([holder.guichetDb?.pool.end(), holder.guichetReplica?.pool.end()]);
  holder.guichetDb = undefined;
  holder.guichetReplica = undefined;
}
