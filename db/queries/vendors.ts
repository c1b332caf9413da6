import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { teams, vendors } from "@/db/schema";

/** Every vendor's name, in order (a form's choices). */
export async function vendorNames(db: Executor): Promise<string[]> {
  return (await db.select({ name: vendors.name }).from(vendors).orderBy(asc(vendors.name))).map((vendor) => vendor.name);
}

/** Every vendor's id and name (to resolve names in a file, or name ids in one). */
export function vendorIdsAndNames(db: Executor) {
  return db.select({ id: vendors.id, name: vendors.name }).from(vendors);
}

/** The vendor of that exact name, or null. */
export async function vendorByName(db: Executor, name: string) {
  const [vendor] = await db
    .select({ id: vendors.id, name: vendors.name, contractReference: vendors.contractReference, contactEmail: vendors.contactEmail })
    .from(vendors)
    .where(eq(vendors.name, name));
  return vendor ?? null;
}

/** One vendor, or null. */
export async function vendorById(db: Executor, id: string) {
  const [vendor] = await db
    .select({
      id: vendors.id,
      name: vendors.name,
      contractReference: vendors.contractReference,
      contactEmail: vendors.contactEmail,
      repairCommitment: vendors.repairCommitment,
    })
    .from(vendors)
    .where(eq(vendors.id, id));
  return vendor ?? null;
}

/** The vendor whose queue is one of `teamIds` (a vendor agent's employer), or null. */
export async function vendorOfTeams(db: Executor, teamIds: readonly string[]): Promise<{ id: string; name: string } | null> {
  if (teamIds.length === 0) return null;
  const [vendor] = await db
    .select({ id: vendors.id, name: vendors.name })
    .from(teams)
    .innerJoin(vendors, eq(vendors.id, teams.vendorId))
    .where(inArray(teams.id, [...teamIds]))
    .limit(1);
  return vendor ?? null;
}
