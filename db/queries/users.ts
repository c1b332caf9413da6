import { and, asc, eq, gt, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";

export type UserCursor = { name: string; id: string };

/** One keyset page of accounts, sorted by name. */
export async function listUsers(db: Database, options: { after?: UserCursor; limit: number }) {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(options.after ? or(gt(users.name, options.after.name), and(eq(users.name, options.after.name), gt(users.id, options.after.id))) : undefined)
    .orderBy(asc(users.name), asc(users.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return { items: page, next: rows.length > options.limit && last ? { name: last.name, id: last.id } : null };
}
