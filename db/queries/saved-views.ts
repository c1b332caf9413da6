import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { savedViews } from "@/db/schema";

/** A person's saved views, by name (letter case ignored). */
export function savedViewsOf(db: Executor, userId: string) {
  return db
    .select({ id: savedViews.id, name: savedViews.name, query: savedViews.query })
    .from(savedViews)
    .where(eq(savedViews.userId, userId))
    .orderBy(asc(sql`lower(${savedViews.name})`), asc(savedViews.id));
}

/** Whether the person already has a view of that name, letter case ignored. */
export async function savedViewNameTaken(db: Executor, userId: string, name: string): Promise<boolean> {
  const [taken] = await db
    .select({ id: savedViews.id })
    .from(savedViews)
    .where(and(eq(savedViews.userId, userId), sql`lower(${savedViews.name}) = lower(${name})`));
  return taken !== undefined;
}
