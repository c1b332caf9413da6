import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { database } from "@/db/client";
import { savedViews } from "@/db/schema";
import { savedViewNameTaken, savedViewsOf } from "@/db/queries/saved-views";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import { fieldErrors } from "@/lib/schemas/field-errors";
import { savedViewInput, type SavedViewInput, type SavedViewQuery } from "@/lib/schemas/saved-views";
import { fail, succeed, type ServiceResult } from "../service-result";

export type SavedView = { id: string; name: string; query: SavedViewQuery };

const deskOnly = () => fail<never>({ kind: "forbidden", message: "desk.errors.viewsForbidden" });

/** The caller's own saved views, by name. */
export async function listSavedViews(caller: Caller): Promise<SavedView[]> {
  if (!can(caller, "desk.use")) return [];
  return savedViewsOf(database(), caller.id);
}

/** Saves the workspace's current queue and filters under a name the caller has not used yet (letter case ignored). */
export async function saveView(caller: Caller, input: SavedViewInput): Promise<ServiceResult<SavedView>> {
  if (!can(caller, "desk.use")) return deskOnly();
  const parsed = savedViewInput.safeParse(input);
  if (!parsed.success) return fail({ kind: "invalid", message: "desk.errors.checkViewName", errors: fieldErrors(parsed.error) });
  const { name, query } = parsed.data;
  return database().transaction(async (tx) => {
    // The table has no unique index on names: serialise one user's saves so two tabs cannot both pass the check.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`saved-views:${caller.id}`}, 0))`);
    if (await savedViewNameTaken(tx, caller.id, name)) {
      return fail<SavedView>({ kind: "conflict", message: "desk.errors.viewNameTaken", values: { name } });
    }
    const [saved] = await tx
      .insert(savedViews)
      .values({ userId: caller.id, name, query })
      .returning({ id: savedViews.id, name: savedViews.name, query: savedViews.query });
    return succeed(saved!);
  });
}

/** Deletes one of the caller's views; another user's view is as unknown as a missing one. */
export async function deleteSavedView(caller: Caller, id: string): Promise<ServiceResult<{ id: string }>> {
  if (!can(caller, "desk.use")) return deskOnly();
  if (!z.uuid().safeParse(id).success) return fail({ kind: "not_found" });
  const [deleted] = await database()
    .delete(savedViews)
    .where(and(eq(savedViews.id, id), eq(savedViews.userId, caller.id)))
    .returning({ id: savedViews.id });
  return deleted ? succeed(deleted) : fail({ kind: "not_found" });
}
