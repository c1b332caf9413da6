import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { vendors } from "@/db/schema";

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
  const [vendor] = await db.select({ id: vendors.id, name: vendors.name, contractReference: vendors.contractReference, contactEmail: vendors.contactEmail })
    .from(vendors).where(eq(vendors.name, name));
  return vendor ?? null;
}

/** One vendor, or null. */
export async function vendorById(db: Executor, id: string) {
  const [vendor] = await db.select({ id: vendors.id, name: vendors.name, contractReference: vendors.contractReference, contactEmail: vendors.contactEmail, repairCommitment: vendors.repairCommitment })
    .from(vendors).where(eq(vendors.id, id));
  return vendor ?? null;
}
