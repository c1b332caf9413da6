import type { Executor } from "@/db/client";
import { schoolCisAmong } from "@/db/queries/school-cis";
import { fail, succeed, type ServiceResult } from "../service-result";

type SchoolCi = Awaited<ReturnType<typeof schoolCisAmong>>[number];

/**
 * The equipment a ticket names, when all of it is in the ticket's school's inventory: filing and the
 * desk's linking refuse alike an item of another school (or one that does not exist).
 */
export async function schoolEquipment(db: Executor, establishmentId: string, ciIds: string[]): Promise<ServiceResult<SchoolCi[]>> {
  const unique = [...new Set(ciIds)];
  const owned = unique.length ? await schoolCisAmong(db, establishmentId, unique) : [];
  if (owned.length !== unique.length) {
    return fail({
      kind: "unprocessable",
      message: "tickets.errors.itemNotInInventory",
      errors: [{ field: "ciIds", message: "tickets.errors.unknownItem" }],
    });
  }
  return succeed(owned);
}
