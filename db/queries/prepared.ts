import type { Executor } from "@/db/client";

/**
 * A hot statement with placeholders, built once per executor (the pool: once per process) and run as a named
 * prepared statement: PostgreSQL parses it once per connection, and plans it once when its generic plan is as good
 * as a fresh one (a lookup by key), rather than on every run. `build` returns Drizzle's `.prepare(name)` of the query;
 * names are unique across the app. Needs a server-side session per connection (no pgBouncer in transaction mode).
 */
export function preparedStatement<Statement>(build: (db: Executor) => Statement): (db: Executor) => Statement {
  const built = new WeakMap<Executor, Statement>();
  return (db) => {
    let statement = built.get(db);
    if (!statement) {
      statement = build(db);
      built.set(db, statement);
    }
    return statement;
  };
}
