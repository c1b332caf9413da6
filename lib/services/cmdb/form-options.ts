import { and, asc, eq, inArray } from "drizzle-orm";
import { database } from "@/db/client";
import { ciInstallations, configurationItems, establishments, vendors } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import { canWriteCisOf } from "@/lib/domain/ci-access";
import { NETWORK_CLASSES } from "@/lib/domain/ci-classes";
import type { CiClass } from "@/lib/domain/vocabulary";

const ci = configurationItems;
const PARENT_CLASSES: CiClass[] = [...NETWORK_CLASSES, "server"];

/**
 * What the item form offers for a school the caller keeps: vendors, the items that can be an uplink or
 * a host, the school's software (with what `ciId` runs). Null when the school is unknown or not theirs to keep.
 */
export async function ciFormOptions(caller: Caller, uai: string, ciId: string | null) {
  const db = database();
  const [school] = await db.select({ id: establishments.id, uai: establishments.uai, name: establishments.name, zoneId: establishments.zoneId })
    .from(establishments).where(eq(establishments.uai, uai));
  if (!school || !canWriteCisOf(caller, { establishmentId: school.id, zoneId: school.zoneId })) return null;
  const [vendorRows, parents, software, installed] = await Promise.all([
    db.select({ name: vendors.name }).from(vendors).orderBy(asc(vendors.name)),
    db.select({ id: ci.id, name: ci.name, class: ci.class }).from(ci)
      .where(and(eq(ci.establishmentId, school.id), inArray(ci.class, PARENT_CLASSES))).orderBy(asc(ci.name)).limit(1000),
    db.select({ id: ci.id, name: ci.name }).from(ci).where(and(eq(ci.establishmentId, school.id), eq(ci.class, "software"))).orderBy(asc(ci.name)),
    ciId ? db.select({ id: ciInstallations.softwareId, version: ciInstallations.version }).from(ciInstallations).where(eq(ciInstallations.ciId, ciId)) : [],
  ]);
  const versions = new Map(installed.map((row) => [row.id, row.version ?? ""]));
  return {
    school: { uai: school.uai, name: school.name },
    vendors: vendorRows.map((vendor) => vendor.name),
    parents: parents.filter((parent) => parent.id !== ciId),
    software: software.map((item) => ({ ...item, installed: versions.get(item.id) ?? null })),
  };
}
