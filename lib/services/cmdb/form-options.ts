import { database } from "@/db/client";
import { installationsOf } from "@/db/queries/ci-detail";
import { establishmentByUai } from "@/db/queries/establishments";
import { vendorNames } from "@/db/queries/vendors";
import { parentCandidates, schoolSoftware } from "@/db/queries/school-cis";
import type { Caller } from "@/lib/domain/caller";
import { canWriteCisOf } from "@/lib/domain/ci-access";

/**
 * What the item form offers for a school the caller keeps: vendors, the items that can be an uplink or
 * a host, the school's software (with what `ciId` runs). Null when the school is unknown or not theirs to keep.
 */
export async function ciFormOptions(caller: Caller, uai: string, ciId: string | null) {
  const db = database();
  const school = await establishmentByUai(db, uai);
  if (!school || !canWriteCisOf(caller, { establishmentId: school.id, zoneId: school.zoneId })) return null;
  const [vendors, parents, software, installed] = await Promise.all([
    vendorNames(db),
    parentCandidates(db, school.id),
    schoolSoftware(db, school.id),
    ciId ? installationsOf(db, ciId, "host", 1000) : [],
  ]);
  const versions = new Map(installed.map((row) => [row.id, row.version ?? ""]));
  return {
    school: { uai: school.uai, name: school.name },
    vendors,
    parents: parents.filter((parent) => parent.id !== ciId),
    software: software.map((item) => ({ ...item, installed: versions.get(item.id) ?? null })),
  };
}
