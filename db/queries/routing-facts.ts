import { eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { categories, configurationItems, establishments, services, slaPolicies, zones } from "@/db/schema";

/** What the router reads of a category: its code, its service's code, whether it is a school's own task. */
export async function categoryRoutingFacts(tx: Executor, categoryId: string) {
  const [category] = await tx
    .select({ code: categories.code, schoolTask: categories.schoolTask, serviceCode: services.code })
    .from(categories)
    .innerJoin(services, eq(services.id, categories.serviceId))
    .where(eq(categories.id, categoryId));
  return category ?? null;
}

/** What the router reads of a school: UAI, zone, département, type, support mode. */
export async function schoolRoutingFacts(tx: Executor, establishmentId: string) {
  const [school] = await tx
    .select({
      uai: establishments.uai,
      zone: zones.code,
      departement: establishments.departement,
      type: establishments.type,
      supportMode: establishments.supportMode,
    })
    .from(establishments)
    .innerJoin(zones, eq(zones.id, establishments.zoneId))
    .where(eq(establishments.id, establishmentId));
  return school ?? null;
}

/** The classes of the equipment named, each once. */
export async function ciClassesOf(tx: Executor, ciIds: string[]) {
  if (!ciIds.length) return [];
  const rows = await tx.select({ class: configurationItems.class }).from(configurationItems).where(inArray(configurationItems.id, ciIds));
  return [...new Set(rows.map((ci) => ci.class))];
}

/** An SLA policy by its code (its id, and the targets a new ticket's SLA reads), or null. */
export async function slaPolicyByCode(tx: Executor, code: string) {
  const [policy] = await tx
    .select({ id: slaPolicies.id, code: slaPolicies.code, targets: slaPolicies.targets })
    .from(slaPolicies)
    .where(eq(slaPolicies.code, code));
  return policy ?? null;
}

/** An SLA policy's id by its code, or null. */
export async function slaPolicyId(tx: Executor, code: string): Promise<string | null> {
  const [policy] = await tx.select({ id: slaPolicies.id }).from(slaPolicies).where(eq(slaPolicies.code, code));
  return policy?.id ?? null;
}
